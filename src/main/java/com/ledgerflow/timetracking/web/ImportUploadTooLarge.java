package com.ledgerflow.timetracking.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} to the import page: the page again, saying so. The
 * multipart request fails before any controller is chosen, so only an advice without selectors sees it; uploads
 * elsewhere keep the default answer (413; problem JSON for the API).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportUploadTooLarge {

	private final DataSize maxFileSize;

	ImportUploadTooLarge(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, MaxUploadSizeExceededException ex)
			throws MaxUploadSizeExceededException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/timesheet/import")) {
			throw ex;
		}
		return TimeImportPages.refused("File: the upload is larger than the limit of " + maxFileSize.toMegabytes() + " MB"
				+ ". Export a shorter period and import it in parts.", HttpStatus.PAYLOAD_TOO_LARGE);
	}

}
