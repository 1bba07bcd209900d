package com.ledgerflow.client;

import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ClientApiIntegrationTests extends ApiTestSupport {

	private static final String VALID = """
			{"name": "%s", "billingEmails": ["ap@acme.test", "cfo@acme.test"], "currency": "EUR",
			 "paymentTermsDays": 14, "taxRate": 19.000,
			 "address": {"line1": "Hauptstr. 1", "city": "Berlin", "postalCode": "10115", "country": "DE"}}""";

	@Test
	void createsAndReadsAClient() {
		String name = unique("Acme");
		UUID id = post("/api/v1/clients", VALID.formatted(name)).expect(201).id();

		var client = get("/api/v1/clients/" + id).expect(200);
		assertThat(client.<String>read("$.name")).isEqualTo(name);
		assertThat(client.<java.util.List<String>>read("$.billingEmails")).containsExactly("ap@acme.test",
				"cfo@acme.test");
		assertThat(client.<String>read("$.currency")).isEqualTo("EUR");
		assertThat(client.<Integer>read("$.paymentTermsDays")).isEqualTo(14);
		assertThat(client.<Double>read("$.taxRate")).isEqualTo(19.0);
		assertThat(client.<String>read("$.address.city")).isEqualTo("Berlin");
	}

	@Test
	void rejectsInvalidFieldsNamingEachOne() {
		var response = post("/api/v1/clients", """
				{"name": " ", "billingEmails": ["not-an-email"], "currency": "usd",
				 "paymentTermsDays": -1, "taxRate": 100.5, "address": {"country": "Germany"}}""").expect(400);

		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errors()).containsKeys("name", "billingEmails[0]", "currency", "paymentTermsDays",
				"taxRate", "address.country");
	}

	@Test
	void keepsAnOptionalLateFeeOnCreateAndUpdate() {
		// no fee: the fields are left out (null)
		assertThat(get("/api/v1/clients/" + post("/api/v1/clients", VALID.formatted(unique("NoFee"))).expect(201).id())
			.expect(200)
			.entity()
			.getBody()).doesNotContain("lateFeeFixed", "lateFeePercent");
		String withFee = VALID.replace("\"taxRate\": 19.000", "\"taxRate\": 19.000, \"lateFeeFixed\": 25.00, \"lateFeePercent\": 1.5");
		UUID id = post("/api/v1/clients", withFee.formatted(unique("Fee"))).expect(201).id();
		var client = get("/api/v1/clients/" + id).expect(200);
		assertThat(client.<Double>read("$.lateFeeFixed")).isEqualTo(25.0);
		assertThat(client.<Double>read("$.lateFeePercent")).isEqualTo(1.5);

		put("/api/v1/clients/" + id, withFee.formatted("Fee changed").replace("25.00", "10.00").replace("1.5", "0"))
			.expect(200);
		client = get("/api/v1/clients/" + id).expect(200);
		assertThat(client.<Double>read("$.lateFeeFixed")).isEqualTo(10.0);
		assertThat(client.<Double>read("$.lateFeePercent")).isEqualTo(0.0);
	}

	@Test
	void rejectsANegativeOrTooPreciseLateFeeNamingTheField() {
		String fee = VALID.replace("\"taxRate\": 19.000", "\"taxRate\": 19.000, \"lateFeeFixed\": %s, \"lateFeePercent\": %s");
		assertThat(post("/api/v1/clients", fee.formatted(unique("C"), "-1.00", "1.5")).expect(400).errors())
			.containsOnlyKeys("lateFeeFixed");
		assertThat(post("/api/v1/clients", fee.formatted(unique("C"), "1.001", "1.5")).expect(400).errors())
			.containsOnlyKeys("lateFeeFixed");
		assertThat(post("/api/v1/clients", fee.formatted(unique("C"), "1.00", "-0.5")).expect(400).errors())
			.containsOnlyKeys("lateFeePercent");
		assertThat(post("/api/v1/clients", fee.formatted(unique("C"), "1.00", "1.0001")).expect(400).errors())
			.containsOnlyKeys("lateFeePercent");
	}

	@Test
	void rejectsACurrencyThatIsNotIso4217() {
		var response = post("/api/v1/clients", VALID.replace("\"EUR\"", "\"XYZ\"").formatted(unique("C"))).expect(400);
		assertThat(response.errors()).containsKey("currency");
	}

	@Test
	void rejectsMissingBillingEmailsAndTaxRate() {
		var response = post("/api/v1/clients", """
				{"name": "No mail", "billingEmails": [], "currency": "USD", "paymentTermsDays": 30}""").expect(400);
		assertThat(response.errors()).containsKeys("billingEmails", "taxRate");
	}

	@Test
	void rejectsMoreThanThreeDecimalsOfTax() {
		var response = post("/api/v1/clients", VALID.replace("19.000", "19.0001").formatted(unique("C"))).expect(400);
		assertThat(response.errors()).containsKey("taxRate");
	}

	@Test
	void rejectsUnknownFieldsAndBrokenJson() {
		assertThat(post("/api/v1/clients", VALID.formatted(unique("C")).replace("{\"name\"", "{\"nmae\": 1, \"name\""))
			.expect(400)
			.errors()).containsEntry("nmae", "unknown field");
		assertThat(post("/api/v1/clients", "{\"name\": ").expect(400).errors()).containsKey("body");
		assertThat(post("/api/v1/clients", VALID.formatted(unique("C")).replace("\"paymentTermsDays\": 14", "\"paymentTermsDays\": \"fourteen\""))
			.expect(400)
			.errors()).containsKey("paymentTermsDays");
	}

	@Test
	void answers404ForAnUnknownClientAndForAMalformedId() {
		get("/api/v1/clients/" + UUID.randomUUID()).expect(404);
		assertThat(get("/api/v1/clients/not-a-uuid").expect(400).errors()).containsKey("id");
	}

	@Test
	void rejectsADuplicateNameWith409AndKeepsTheFirst() {
		String name = unique("Twin");
		post("/api/v1/clients", VALID.formatted(name)).expect(201);
		var response = post("/api/v1/clients", VALID.formatted(name.toLowerCase())).expect(409);
		assertThat(response.<String>read("$.detail")).contains("already exists");
	}

	@Test
	void aFailedUpdateChangesNothing() {
		String name = unique("Stable");
		UUID id = post("/api/v1/clients", VALID.formatted(name)).expect(201).id();

		put("/api/v1/clients/" + id, VALID.formatted("Renamed").replace("\"EUR\"", "\"eur\"")).expect(400);

		assertThat(get("/api/v1/clients/" + id).<String>read("$.name")).isEqualTo(name);
	}

	@Test
	void updatesAClient() {
		UUID id = post("/api/v1/clients", VALID.formatted(unique("Old"))).expect(201).id();
		String renamed = unique("New");
		put("/api/v1/clients/" + id, VALID.formatted(renamed).replace("\"paymentTermsDays\": 14", "\"paymentTermsDays\": 45")).expect(200);
		var client = get("/api/v1/clients/" + id);
		assertThat(client.<String>read("$.name")).isEqualTo(renamed);
		assertThat(client.<Integer>read("$.paymentTermsDays")).isEqualTo(45);
	}

}
