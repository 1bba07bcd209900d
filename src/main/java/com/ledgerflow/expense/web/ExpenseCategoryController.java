package com.ledgerflow.expense.web;

import java.util.List;

import com.ledgerflow.expense.ExpenseService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Expense categories: everyone lists them; finance and administrators add to them. */
@RestController
@RequestMapping("/api/v1/expense-categories")
class ExpenseCategoryController {

	private final ExpenseService expenses;

	ExpenseCategoryController(ExpenseService expenses) {
		this.expenses = expenses;
	}

	record CategoryRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
			boolean mileage) {
	}

	@GetMapping
	List<ExpenseController.CategoryView> list() {
		return expenses.categories().stream().map(ExpenseController.CategoryView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ExpenseController.CategoryView add(@Valid @RequestBody CategoryRequest request) {
		return ExpenseController.CategoryView
			.of(expenses.addCategory(request.code(), request.name(), request.mileage()));
	}

}
