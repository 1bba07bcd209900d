package com.ledgerflow.expense.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.expense.Expense;
import com.ledgerflow.expense.ExpenseCategory;
import com.ledgerflow.expense.ExpenseDetails;
import com.ledgerflow.expense.ExpenseOrigin;
import com.ledgerflow.expense.ExpenseReceipt;
import com.ledgerflow.expense.ExpenseService;
import com.ledgerflow.expense.ExpenseStatus;
import com.ledgerflow.expense.ReceiptRefused;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Expenses: record one's own (managers and finance: anyone's) with a receipt (multipart: the part {@code expense}
 * as JSON, the part {@code receipt} as the file), change, submit, download the receipt.
 */
@RestController
@RequestMapping("/api/v1/expenses")
class ExpenseController {

	static final URI RECEIPT_REFUSED = URI.create("https://ledgerflow.dev/problems/receipt-refused");

	private final ExpenseService expenses;

	private final ExpenseAccess access;

	ExpenseController(ExpenseService expenses, ExpenseAccess access) {
		this.expenses = expenses;
		this.access = access;
	}

	/** @param personId null records for the caller */
	record ExpenseRequest(@Nullable UUID personId, @NotNull UUID projectId, @NotNull LocalDate date,
			@NotBlank @Size(max = 40) String category, @NotBlank @Size(max = 200) String vendor,
			@Nullable @Size(max = 2000) String description,
			@Nullable @Digits(integer = 12, fraction = 2) BigDecimal amount,
			@Nullable @Pattern(regexp = "[A-Z]{3}",
					message = "must be an ISO 4217 currency code such as USD") String currency,
			@Nullable @Digits(integer = 10, fraction = 8) BigDecimal exchangeRate,
			@Nullable @Digits(integer = 8, fraction = 2) BigDecimal distance, @Nullable Boolean billable,
			@Nullable @Digits(integer = 3, fraction = 2) BigDecimal markupPercent) {

		ExpenseDetails details(UUID person) {
			return new ExpenseDetails(person, projectId, date, category, vendor, description, amount, currency,
					exchangeRate, distance, billable, markupPercent);
		}

	}

	record ExpenseView(UUID id, UUID personId, UUID projectId, LocalDate date, String category, String vendor,
			String description, BigDecimal amount, String currency, BigDecimal exchangeRate, BigDecimal projectAmount,
			@Nullable BigDecimal distance, boolean billable, BigDecimal markupPercent, BigDecimal billableAmount,
			ExpenseStatus status, ExpenseOrigin origin, boolean hasReceipt, @Nullable String decisionComment,
			long version) {

		static ExpenseView of(Expense e) {
			return new ExpenseView(e.id(), e.personId(), e.projectId(), e.date(), e.category(), e.vendor(),
					e.description(), e.amount(), e.currency(), e.exchangeRate(), e.projectAmount(), e.distance(),
					e.billable(), e.markupPercent(), e.billableAmount(), e.status(), e.origin(), e.hasReceipt(),
					e.decisionComment(), e.version());
		}

	}

	@GetMapping
	List<ExpenseView> list(Authentication caller, @RequestParam(required = false) @Nullable UUID personId) {
		return expenses.ofPerson(access.personFor(caller, personId)).stream().map(ExpenseView::of).toList();
	}

	@GetMapping("/{id}")
	ExpenseView get(Authentication caller, @PathVariable UUID id) {
		Expense expense = expenses.get(id);
		access.personFor(caller, expense.personId());
		return ExpenseView.of(expense);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ExpenseView create(Authentication caller, @Valid @RequestBody ExpenseRequest request) {
		return ExpenseView.of(expenses.create(request.details(access.personFor(caller, request.personId())), null,
				ExpenseOrigin.API));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ExpenseView createWithReceipt(Authentication caller, @Valid @RequestPart("expense") ExpenseRequest request,
			@RequestPart(name = "receipt", required = false) @Nullable MultipartFile receipt) throws IOException {
		return ExpenseView.of(expenses.create(request.details(access.personFor(caller, request.personId())),
				upload(receipt), ExpenseOrigin.API));
	}

	@PutMapping("/{id}")
	ExpenseView update(Authentication caller, @PathVariable UUID id, @Valid @RequestBody ExpenseRequest request) {
		UUID person = access.personFor(caller, expenses.get(id).personId());
		return ExpenseView.of(expenses.update(id, request.details(person)));
	}

	@PutMapping(path = "/{id}/receipt", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ExpenseView attachReceipt(Authentication caller, @PathVariable UUID id,
			@RequestPart("receipt") MultipartFile receipt) throws IOException {
		access.personFor(caller, expenses.get(id).personId());
		return ExpenseView.of(expenses.attachReceipt(id, upload(receipt)));
	}

	@GetMapping("/{id}/receipt")
	ResponseEntity<byte[]> receipt(Authentication caller, @PathVariable UUID id) {
		access.checkReceipt(caller, expenses.get(id));
		ExpenseReceipt receipt = expenses.receipt(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(receipt.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(receipt.filename()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Digest", "sha-256=" + receipt.sha256())
			.body(receipt.content());
	}

	@PostMapping("/{id}/submit")
	ExpenseView submit(Authentication caller, @PathVariable UUID id) {
		access.personFor(caller, expenses.get(id).personId());
		return ExpenseView.of(expenses.submit(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Authentication caller, @PathVariable UUID id) {
		access.personFor(caller, expenses.get(id).personId());
		expenses.delete(id);
	}

	/** 413 for an oversize receipt, 415 for one that is no PDF, JPEG, PNG or HEIC; nothing stored. */
	@ExceptionHandler(ReceiptRefused.class)
	ResponseEntity<ProblemDetail> refused(ReceiptRefused ex) {
		HttpStatus status = ex.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(RECEIPT_REFUSED);
		problem.setTitle(ex.tooLarge() ? "Receipt too large" : "Unsupported receipt");
		problem.setProperty("errors", List.of(new FieldReason("receipt", ex.getMessage())));
		return ResponseEntity.status(status).body(problem);
	}

	record FieldReason(String field, String reason) {
	}

	static ExpenseService.@Nullable Upload upload(@Nullable MultipartFile file) throws IOException {
		if (file == null || (file.isEmpty() && file.getOriginalFilename() == null)) {
			return null;
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		return new ExpenseService.Upload(name, file.getBytes());
	}

	record CategoryView(String code, String name, boolean mileage) {

		static CategoryView of(ExpenseCategory category) {
			return new CategoryView(category.code(), category.name(), category.mileage());
		}

	}

}
