package com.ledgerflow.web;

import java.util.Arrays;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json} (RFC 9457). Validation failures carry {@code errors}: a list
 * of {@code {field, reason}}; a missing record 404, a forbidden state change or a duplicate 409. Nothing unexpected
 * leaks as a stack trace.
 */
@RestControllerAdvice(basePackages = "com.ledgerflow")
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	static final URI VALIDATION = URI.create("https://ledgerflow.dev/problems/validation");

	static final URI NOT_FOUND = URI.create("https://ledgerflow.dev/problems/not-found");

	static final URI CONFLICT = URI.create("https://ledgerflow.dev/problems/conflict");

	record FieldProblem(String field, String reason) {
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
		return ResponseEntity.badRequest().body(validation(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(validation(List.of(unreadable(ex.getCause()))));
	}

	private static FieldProblem unreadable(@Nullable Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new FieldProblem(path(unknown), "unknown field");
		}
		if (cause instanceof InvalidFormatException format) {
			return new FieldProblem(path(format),
					"cannot read '" + format.getValue() + "' as " + describe(format.getTargetType()));
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return new FieldProblem(path(mapping), "has the wrong type or shape");
		}
		return new FieldProblem("body", "is not valid JSON");
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return ResponseEntity.badRequest().body(validation(errors));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest()
			.body(validation(List.of(new FieldProblem(ex.getName(),
					"cannot read '" + ex.getValue() + "' as " + describe(ex.getRequiredType())))));
	}

	@ExceptionHandler(InvalidField.class)
	ResponseEntity<ProblemDetail> invalidField(InvalidField ex) {
		return ResponseEntity.badRequest().body(validation(List.of(new FieldProblem(ex.field(), ex.reason()))));
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(NOT_FOUND);
		problem.setTitle(capitalize(ex.entity()) + " not found");
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler(StateConflict.class)
	ResponseEntity<ProblemDetail> conflict(StateConflict ex) {
		ResponseEntity<ProblemDetail> answer = conflict(ex.getMessage());
		if (ex.field() != null && answer.getBody() != null) {
			answer.getBody().setProperty("errors", List.of(new FieldProblem(ex.field(), String.valueOf(ex.getMessage()))));
		}
		return answer;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
		return conflict("The record was changed by someone else; reload and try again");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.info("Rejected by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return conflict(UniqueConstraints.describe(ex.getMostSpecificCause().getMessage()));
	}

	private static ResponseEntity<ProblemDetail> conflict(@Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				detail == null ? "Conflicting state" : detail);
		problem.setType(CONFLICT);
		problem.setTitle("Conflict");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	static ProblemDetail validation(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
		problem.setType(VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : ex.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String describe(@Nullable Class<?> type) {
		if (type == null) {
			return "a value";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		return Map.of("UUID", "an id (UUID)", "LocalDate", "a date (yyyy-MM-dd)", "BigDecimal", "a number", "Integer",
				"a whole number", "int", "a whole number", "Boolean", "true or false", "boolean", "true or false")
			.getOrDefault(type.getSimpleName(), "a " + type.getSimpleName());
	}

	private static String lastNode(String path) {
		int dot = path.indexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
