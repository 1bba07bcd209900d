package com.ledgerflow.timetracking.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import com.ledgerflow.people.StaffAccess;
import com.ledgerflow.timetracking.TimeImportRejected;
import com.ledgerflow.timetracking.TimeImportReport;
import com.ledgerflow.timetracking.TimeImportService;
import com.ledgerflow.timetracking.importer.TimeCsvUnreadable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Time CSV import (Harvest, Toggl, Clockify, Ledgerflow): a preview of what would be matched and created, and an
 * all-or-nothing commit. Consultants import their own time; managers, finance and administrators anyone's.
 */
@RestController
@RequestMapping("/api/v1/time-imports")
class TimeImportController {

	static final URI IMPORT_ERRORS = URI.create("https://ledgerflow.dev/problems/time-import-errors");

	private final TimeImportService imports;

	private final StaffAccess access;

	TimeImportController(TimeImportService imports, StaffAccess access) {
		this.imports = imports;
		this.access = access;
	}

	@PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	TimeImportReport preview(Authentication caller, @RequestParam("file") MultipartFile file) throws IOException {
		try (InputStream csv = file.getInputStream()) {
			return imports.preview(csv, caller.getName(), access.seesEveryone(caller));
		}
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	TimeImportReport commit(Authentication caller, @RequestParam("file") MultipartFile file) throws IOException {
		try (InputStream csv = file.getInputStream()) {
			return imports.commit(csv, caller.getName(), access.seesEveryone(caller));
		}
	}

	record RowProblem(String field, int line, String column, String reason) {
	}

	/** 400 listing every row error (line, column, reason); the report says what the file holds otherwise. */
	@ExceptionHandler(TimeImportRejected.class)
	ResponseEntity<ProblemDetail> rejected(TimeImportRejected ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(IMPORT_ERRORS);
		problem.setTitle("The import has row errors");
		problem.setProperty("errors",
				ex.report()
					.errors()
					.stream()
					.map(error -> new RowProblem("line " + error.line() + ": " + error.column(), error.line(),
							error.column(), error.reason()))
					.toList());
		problem.setProperty("errorCount", ex.report().errorCount());
		problem.setProperty("report", ex.report());
		return ResponseEntity.badRequest().body(problem);
	}

	/** 400 naming the column (or {@code header}/{@code file}) that makes the file unreadable. */
	@ExceptionHandler(TimeCsvUnreadable.class)
	ResponseEntity<ProblemDetail> unreadable(TimeCsvUnreadable ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.column() + ": " + ex.reason());
		problem.setType(IMPORT_ERRORS);
		problem.setTitle("The file is not a time export Ledgerflow reads");
		problem.setProperty("errors", List.of(new RowProblem(ex.column(), 1, ex.column(), ex.reason())));
		return ResponseEntity.badRequest().body(problem);
	}

}
