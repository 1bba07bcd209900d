package com.ledgerflow.people;

import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PersonApiIntegrationTests extends ApiTestSupport {

	@Test
	void createsAPersonActiveByDefault() {
		UUID id = newPerson();
		var person = get("/api/v1/people/" + id).expect(200);
		assertThat(person.<Boolean>read("$.active")).isTrue();
		assertThat(person.<Double>read("$.costRate")).isEqualTo(60.0);
	}

	@Test
	void rejectsBadEmailUserIdAndRates() {
		var response = post("/api/v1/people", """
				{"name": "X", "email": "x@", "userId": "has space", "costRate": -1, "defaultBillRate": 10.123}""")
			.expect(400);
		assertThat(response.errors()).containsKeys("email", "userId", "costRate", "defaultBillRate");
	}

	@Test
	void rejectsASecondPersonWithTheSameLogin() {
		String user = unique("dup").toLowerCase();
		String body = """
				{"name": "A", "email": "%s@firm.test", "userId": "%s", "costRate": 1, "defaultBillRate": 2}""";
		post("/api/v1/people", body.formatted(user, user)).expect(201);
		var response = post("/api/v1/people", body.formatted(user + "x", user)).expect(409);
		assertThat(response.<String>read("$.detail")).isEqualTo("A person with this user id already exists");
	}

}
