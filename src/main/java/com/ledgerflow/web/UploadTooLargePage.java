package com.ledgerflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page upload over the multipart limit ({@code spring.servlet.multipart.max-file-size}) as a readable 413 page
 * ({@code error/413.html}). The upload is refused while the request is read, before any controller is chosen, so no
 * controller's {@code @ExceptionHandler} sees it; and Spring's default answer (a bare 413 sent as an error) renders
 * an empty page, because the error dispatch fails on the same upload again. API calls keep that default answer.
 */
@Component
class UploadTooLargePage implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof MaxUploadSizeExceededException) || handler != null
				|| request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				// the import page says it in place (timetracking.web.ImportUploadTooLarge)
				|| request.getRequestURI().startsWith(request.getContextPath() + "/timesheet/import")) {
			return null;
		}
		ModelAndView page = new ModelAndView("error/413");
		page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
		return page;
	}

	/** Before Spring MVC's resolvers (order 0), after Boot's error attributes (which only record the exception). */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
