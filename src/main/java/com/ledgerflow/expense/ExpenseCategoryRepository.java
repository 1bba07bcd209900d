package com.ledgerflow.expense;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExpenseCategoryRepository extends JpaRepository<ExpenseCategory, String> {

	List<ExpenseCategory> findByActiveTrueOrderByName();

}
