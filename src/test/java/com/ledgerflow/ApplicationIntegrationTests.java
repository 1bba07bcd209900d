package com.ledgerflow;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApplicationIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate http;

	@Test
	void runsOnARealPostgresql16() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
	}

	@Test
	void deploysTheProcessesAndFormsFromBpmnAndForms() {
		assertThat(jdbc.queryForList("select name_ from act_ge_bytearray where deployment_id_ is not null", String.class))
			.contains("bpmn/project-lifecycle.bpmn", "forms/confirm-project-form.form", "forms/plan-project-form.form");
	}

	@Test
	void publishesTheOpenApiDocument() {
		var response = http.getForEntity("/v3/api-docs", String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).contains("/api/v1/clients", "/api/v1/people", "/api/v1/projects/{id}/confirm",
				"/api/v1/projects/{projectId}/tasks", "/api/v1/projects/{projectId}/milestones",
				"/api/v1/projects/{projectId}/rates/effective");
	}

}
