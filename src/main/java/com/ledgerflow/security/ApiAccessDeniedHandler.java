package com.ledgerflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A 403 on {@code /api} as RFC 9457 problem details, naming what the caller lacks. */
class ApiAccessDeniedHandler implements AccessDeniedHandler {

	private static final String PROBLEM = """
			{"type":"about:blank","title":"Forbidden","status":403,\
			"detail":"Your groups do not allow this request (see docs/security.md for who may do what).",\
			"instance":"%s"}""";

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(PROBLEM.formatted(request.getRequestURI().replace("\"", "")));
	}

}
