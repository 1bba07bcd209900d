package com.ledgerflow;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.security.StaffGroups;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Base of the REST integration tests: real HTTP against the running app on the shared context, as a manager with
 * Basic credentials, plus small builders for the data most tests need.
 */
public abstract class ApiTestSupport {

	public static final String MANAGER = "api-manager";

	@Autowired
	protected TestRestTemplate http;

	@Autowired
	protected StaffAccounts staff;

	@BeforeEach
	void ensureManagerLogin() {
		staff.ensureUser(new StaffAccount(MANAGER, "Api", "Manager", MANAGER + "@ledgerflow.test"), MANAGER,
				Set.of(StaffGroups.MANAGERS));
	}

	protected Response get(String path) {
		return call(HttpMethod.GET, path, null);
	}

	protected Response post(String path, String json) {
		return call(HttpMethod.POST, path, json);
	}

	protected Response put(String path, String json) {
		return call(HttpMethod.PUT, path, json);
	}

	protected Response delete(String path) {
		return call(HttpMethod.DELETE, path, null);
	}

	protected Response call(HttpMethod method, String path, String json) {
		return callAs(MANAGER, method, path, json);
	}

	/** The call as another staff user, whose password is the user id (as {@link TestUsers} makes them). */
	protected Response callAs(String userId, HttpMethod method, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(userId, userId);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
		return new Response(response);
	}

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	protected UUID newClient() {
		return newClient(unique("Client"));
	}

	protected UUID newClient(String name) {
		return post("/api/v1/clients", """
				{"name": "%s", "billingEmails": ["ap@client.test"], "currency": "USD",
				 "paymentTermsDays": 30, "taxRate": 8.875}""".formatted(name)).expect(201).id();
	}

	protected UUID newPerson() {
		String user = unique("user").toLowerCase();
		return post("/api/v1/people", """
				{"name": "Pat %s", "email": "%s@firm.test", "userId": "%s", "costRate": 60.00,
				 "defaultBillRate": 150.00}""".formatted(user, user, user)).expect(201).id();
	}

	protected UUID newProject(UUID clientId, UUID managerId, String billingModel) {
		String extra = "RETAINER".equals(billingModel) ? ", \"retainerAmount\": 5000.00" : "";
		String cycle = "FIXED_FEE".equals(billingModel) ? "MILESTONE" : "MONTHLY";
		return post("/api/v1/projects", """
				{"clientId": "%s", "code": "%s", "name": "Website relaunch", "billingModel": "%s",
				 "billingCycle": "%s", "budgetHours": 120, "budgetAmount": 18000.00, "managerId": "%s"%s}"""
			.formatted(clientId, unique("P"), billingModel, cycle, managerId, extra)).expect(201).id();
	}

	/** An HTTP answer with JSON access. */
	public record Response(ResponseEntity<String> entity) {

		public int status() {
			return entity.getStatusCode().value();
		}

		public Response expect(int status) {
			org.assertj.core.api.Assertions.assertThat(status())
				.as("HTTP status; body: %s", entity.getBody())
				.isEqualTo(status);
			return this;
		}

		public DocumentContext json() {
			return JsonPath.parse(entity.getBody() == null ? "{}" : entity.getBody());
		}

		public <T> T read(String path) {
			return json().read(path);
		}

		public UUID id() {
			return UUID.fromString(read("$.id"));
		}

		public String contentType() {
			return String.valueOf(entity.getHeaders().getContentType());
		}

		/** The reasons of a problem detail's errors by field. */
		public Map<String, Object> errors() {
			java.util.List<Map<String, Object>> errors = read("$.errors");
			Map<String, Object> byField = new java.util.LinkedHashMap<>();
			errors.forEach(error -> byField.put((String) error.get("field"), error.get("reason")));
			return byField;
		}

	}

}
