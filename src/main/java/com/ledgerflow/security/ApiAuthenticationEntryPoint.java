package com.ledgerflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 with a Basic challenge for the APIs: an RFC 9457 problem for {@code /api}, Camunda's error shape for
 * {@code /engine-rest} (what Camunda Modeler and Camunda REST clients expect).
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String REALM = "Ledgerflow";

	private static final String PROBLEM = """
			{"type":"about:blank","title":"Unauthorized","status":401,\
			"detail":"Authentication required: use HTTP Basic with your Ledgerflow user name and password.",\
			"instance":"%s"}""";

	private static final String CAMUNDA_ERROR = """
			{"type":"AuthenticationException","message":"Authentication required: use HTTP Basic with your \
			Ledgerflow user name and password."}""";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write(CAMUNDA_ERROR);
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(PROBLEM.formatted(jsonEscape(request.getRequestURI())));
		}
	}

	private static String jsonEscape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
