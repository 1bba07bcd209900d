package com.ledgerflow.expense.web;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;

import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseOrigin;
import com.ledgerflow.expense.ExpenseReceipt;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.expense.ReceiptRefused;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The expenses page: a person's expenses, adding one with its receipt (as a draft, or submitted at once), and for
 * editable ones submitting, deleting and attaching or replacing the receipt. Whoever may see a person's expenses may
 * change them, as in the API ({@link ExpenseAccess}). Every form posts (multipart where it carries a file) and
 * redirects back; a refused change renders the page again with the reason next to the form, answered with the
 * status the API would use (400, 404, 409, 413, 415).
 */
@Controller
@RequestMapping("/expenses")
class ExpensePages {

	private final ExpenseService expenses;

	private final ExpenseAccess access;

	private final ExpensesView view;

	ExpensePages(ExpenseService expenses, ExpenseAccess access, ExpensesView view) {
		this.expenses = expenses;
		this.access = access;
		this.view = view;
	}

	/** The expenses of {@code personId} (default: the caller). */
	@GetMapping
	ModelAndView list(Authentication caller, @RequestParam(required = false) @Nullable String personId, Model model) {
		return render(caller, person(caller, personId), null, null, model);
	}

	/** A malformed person id (typed into the address, or a tampered form): the caller's own expenses, and why. */
	@ExceptionHandler(InvalidField.class)
	ModelAndView malformed(Authentication caller, InvalidField ex) {
		return render(caller, person(caller, null), null, ExpensePageError.of("page", ex), new ExtendedModelMap());
	}

	/** Records an expense with its receipt; {@code action=submit} submits it in the same request. */
	@PostMapping
	ModelAndView add(Authentication caller, @RequestParam(required = false) @Nullable String personId,
			@ModelAttribute ExpenseForm form, @RequestParam(required = false) @Nullable MultipartFile receipt,
			@RequestParam(defaultValue = "draft") String action, Model model) throws IOException {
		UUID person = required(person(caller, personId));
		try {
			Expense expense = expenses.create(form.details(person), upload(receipt), ExpenseOrigin.WEB);
			if ("submit".equals(action)) {
				expenses.submit(expense.id());
			}
			return back(person);
		}
		catch (InvalidField | StateConflict | NotFound | ReceiptRefused ex) {
			return render(caller, person, form, ExpensePageError.of("add", ex), model);
		}
	}

	/** The add form filled with an editable expense, to change it (a rejected one, say). */
	@GetMapping("/{id}/edit")
	ModelAndView edit(Authentication caller, @PathVariable UUID id, Model model) {
		Expense expense = expenses.get(id);
		UUID person = access.personFor(caller, expense.personId());
		if (!expense.status().editable()) {
			return render(caller, person, null, ExpensePageError.of("page", new StateConflict(
					"That expense is " + expense.status() + " and can no longer be changed")), model);
		}
		model.addAttribute("editing", id);
		return render(caller, person, ExpenseForm.of(expense), null, model);
	}

	/** Changes an editable expense (and its receipt when a file is chosen); {@code action=submit} submits it. */
	@PostMapping("/{id}")
	ModelAndView change(Authentication caller, @PathVariable UUID id, @ModelAttribute ExpenseForm form,
			@RequestParam(required = false) @Nullable MultipartFile receipt,
			@RequestParam(defaultValue = "draft") String action, Model model) throws IOException {
		UUID person = access.personFor(caller, expenses.get(id).personId());
		ExpenseService.Upload upload = upload(receipt);
		try {
			expenses.update(id, form.details(person), upload);
			if ("submit".equals(action)) {
				expenses.submit(id);
			}
			return back(person);
		}
		catch (InvalidField | StateConflict | NotFound | ReceiptRefused ex) {
			model.addAttribute("editing", id);
			return render(caller, person, form, ExpensePageError.of("add", ex), model);
		}
	}

	@PostMapping("/{id}/submit")
	ModelAndView submit(Authentication caller, @PathVariable UUID id, Model model) {
		return onExpense(caller, id, model, expense -> expenses.submit(id));
	}

	@PostMapping("/{id}/delete")
	ModelAndView delete(Authentication caller, @PathVariable UUID id, Model model) {
		return onExpense(caller, id, model, expense -> expenses.delete(id));
	}

	/** Attaches or replaces the receipt of an editable expense. */
	@PostMapping("/{id}/receipt")
	ModelAndView attachReceipt(Authentication caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable MultipartFile receipt, Model model) throws IOException {
		ExpenseService.Upload upload = upload(receipt);
		return onExpense(caller, id, model, expense -> {
			if (upload == null) {
				throw new InvalidField("receipt", "choose a file to attach");
			}
			expenses.attachReceipt(id, upload);
		});
	}

	/** The receipt, shown in the browser: to its submitter, the project's manager, finance and administrators. */
	@GetMapping("/{id}/receipt")
	ResponseEntity<byte[]> receipt(Authentication caller, @PathVariable UUID id) {
		access.checkReceipt(caller, expenses.get(id));
		ExpenseReceipt receipt = expenses.receipt(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(receipt.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(receipt.filename()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(receipt.content());
	}

	/** An unknown expense or a missing receipt (from an old link): the caller's own expenses, and why. */
	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(Authentication caller, NotFound ex) {
		return render(caller, person(caller, null), null, ExpensePageError.of("page", ex), new ExtendedModelMap());
	}

	private ModelAndView onExpense(Authentication caller, UUID id, Model model, Consumer<Expense> change) {
		Expense expense;
		try {
			expense = expenses.get(id);
		}
		catch (NotFound ex) {
			return render(caller, person(caller, null), null,
					ExpensePageError.of("page", new StateConflict("That expense no longer exists")), model);
		}
		UUID person = access.personFor(caller, expense.personId());
		try {
			change.accept(expense);
			return back(person);
		}
		catch (InvalidField | StateConflict | NotFound | ReceiptRefused ex) {
			return render(caller, person, null, ExpensePageError.of(id.toString(), ex), model);
		}
	}

	private ModelAndView render(Authentication caller, @Nullable UUID person, @Nullable ExpenseForm form,
			@Nullable ExpensePageError error, Model model) {
		view.fill(model, person, access.seesEveryone(caller), form, error);
		ModelAndView page = new ModelAndView(ExpensesView.TEMPLATE, model.asMap());
		if (error != null) {
			page.setStatus(error.status());
		}
		return page;
	}

	private static ModelAndView back(UUID person) {
		return new ModelAndView("redirect:/expenses?personId=" + person);
	}

	/** A file input left empty sends a part with no name and no bytes: no receipt. */
	private static ExpenseService.@Nullable Upload upload(@Nullable MultipartFile file) throws IOException {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
				|| file.getOriginalFilename().isBlank()))) {
			return null;
		}
		return ExpenseController.upload(file);
	}

	/**
	 * The person whose expenses these are; null only for a manager, finance or an administrator without a person of
	 * their own who named nobody (they pick someone first). A consultant naming someone else: 403.
	 */
	private @Nullable UUID person(Authentication caller, @Nullable String personId) {
		if (personId != null && !personId.isBlank()) {
			try {
				return access.personFor(caller, UUID.fromString(personId.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidField("personId", "'" + personId + "' is not a person's id");
			}
		}
		if (access.seesEveryone(caller)) {
			return access.selfIfAny(caller);
		}
		return access.personFor(caller, null);
	}

	private static UUID required(@Nullable UUID person) {
		if (person == null) {
			throw new InvalidField("personId", "pick whose expenses to record");
		}
		return person;
	}

}
