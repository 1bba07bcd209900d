package com.ledgerflow.accounting.qbo;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.ledgerflow.accounting.AccountingRejected;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.AccountingSystemContractTests;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.client.Client;
import com.ledgerflow.client.ClientFixture;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The accounting contract against the QBO adapter and a fake QBO, plus the QBO fields the contract implies. */
class AccountingSystemContractOnQboTests extends AccountingSystemContractTests {

	private FakeQbo fake;

	private AccountingSystem accounting;

	@BeforeEach
	void startFakeQbo() {
		fake = FakeQbo.start();
		accounting = QboFixtures.accountingSystem(fake);
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	@Override
	protected AccountingSystem accounting() {
		return accounting;
	}

	@Override
	protected Stored stored(ExternalRef ref) {
		JsonNode customer = fake.customer(ref.value()).orElseThrow();
		return new Stored(customer.path("DisplayName").asText(), customer.path("Job").asBoolean(),
				customer.path("ParentRef").path("value").asText(null), customer.path("Active").asBoolean());
	}

	@Test
	void createsTheClientAsACustomerWithEmailAddressAndCurrency() {
		Client client = ClientFixture.client(unique("Acme"));

		ExternalRef ref = accounting.pushCustomer(client, Optional.empty());

		JsonNode customer = fake.customer(ref.value()).orElseThrow();
		assertThat(customer.path("DisplayName").asText()).isEqualTo(client.name());
		assertThat(customer.path("PrimaryEmailAddr").path("Address").asText())
			.isEqualTo(client.billingEmails().get(0));
		assertThat(customer.path("BillAddr").path("Line1").asText()).isEqualTo("1 Main Street");
		assertThat(customer.path("BillAddr").path("City").asText()).isEqualTo("Springfield");
		assertThat(customer.path("BillAddr").path("CountrySubDivisionCode").asText()).isEqualTo("IL");
		assertThat(customer.path("BillAddr").path("PostalCode").asText()).isEqualTo("62701");
		assertThat(customer.path("BillAddr").path("Country").asText()).isEqualTo("US");
		assertThat(customer.path("CurrencyRef").path("value").asText()).isEqualTo("USD");
		assertThat(customer.path("Job").asBoolean()).isFalse();
		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite)
			.singleElement()
			.satisfies(write -> assertThat(write.params().get("requestid"))
				.isEqualTo("customer:" + client.id().toString().replace("-", "") + ":create"));
	}

	@Test
	void createsTheProjectAsABillWithParentJobUnderTheClientsCustomer() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting.pushCustomer(client, Optional.empty());
		Project project = ProjectFixture.project(client, code(), "Website relaunch");

		ExternalRef ref = accounting.pushProject(project, customer, Optional.empty());

		JsonNode job = fake.customer(ref.value()).orElseThrow();
		assertThat(job.path("Job").asBoolean()).isTrue();
		assertThat(job.path("ParentRef").path("value").asText()).isEqualTo(customer.value());
		assertThat(job.path("BillWithParent").asBoolean()).isTrue();
		assertThat(job.path("DisplayName").asText()).isEqualTo(project.code() + " Website relaunch");
		assertThat(job.path("FullyQualifiedName").asText())
			.isEqualTo(client.name() + ":" + project.code() + " Website relaunch");
		assertThat(job.path("Active").asBoolean()).isTrue();
	}

	@Test
	void updatesAnExistingCustomerSparselyWithItsSyncToken() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef ref = accounting.pushCustomer(client, Optional.empty());

		accounting.pushCustomer(ClientFixture.renamed(client, client.name() + " Inc"), Optional.of(ref));

		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite)
			.last()
			.satisfies(write -> assertThat(write.body()).contains("\"Id\":\"" + ref.value() + "\"",
					"\"SyncToken\":\"0\"", "\"sparse\":true", "\"DisplayName\":\"" + client.name() + "\""));
		assertThat(fake.customer(ref.value()).orElseThrow().path("SyncToken").asText()).isEqualTo("1");
	}

	@Test
	void writesNothingWhenAnUnchangedCustomerIsPushedAgain() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef ref = accounting.pushCustomer(client, Optional.empty());

		accounting.pushCustomer(client, Optional.of(ref));

		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite).hasSize(1);
	}

	@Test
	void closingAJobSetsActiveFalseOnceAndThenOnlyReads() {
		Client client = ClientFixture.client(unique("Acme"));
		ExternalRef customer = accounting.pushCustomer(client, Optional.empty());
		ExternalRef job = accounting.pushProject(ProjectFixture.project(client, code(), "Audit"), customer,
				Optional.empty());

		accounting.closeProject(job);
		accounting.closeProject(job);

		assertThat(fake.customer(job.value()).orElseThrow().path("Active").asBoolean()).isFalse();
		assertThat(fake.requests()).filteredOn(FakeQbo.Request::isWrite)
			.hasSize(3)
			.last()
			.satisfies(write -> assertThat(write.body()).contains("\"Active\":false", "\"sparse\":true"));
	}

	@Test
	void sendsANewRequestidAfterARejectionBecauseQboReplaysTheRefusalForTheOldOne() {
		Client client = ClientFixture.client(unique("Acme"));
		String other = fake.addCustomer(client.name());
		assertThatThrownBy(() -> accounting.pushCustomer(client, Optional.empty(), 0))
			.isInstanceOf(AccountingRejected.class);
		fake.renameCustomer(other, client.name() + " (old)");

		assertThatThrownBy(() -> accounting.pushCustomer(client, Optional.empty(), 0))
			.as("same requestid: the refusal again")
			.isInstanceOf(AccountingRejected.class);
		ExternalRef ref = accounting.pushCustomer(client, Optional.empty(), 1);

		assertThat(fake.customer(ref.value()).orElseThrow().path("DisplayName").asText()).isEqualTo(client.name());
		List<String> requestIds = fake.requests()
			.stream()
			.filter(FakeQbo.Request::isWrite)
			.map(write -> write.params().get("requestid"))
			.toList();
		assertThat(requestIds).hasSize(3);
		assertThat(requestIds.get(1)).isEqualTo(requestIds.get(0));
		assertThat(requestIds.get(2)).isNotEqualTo(requestIds.get(0)).hasSizeLessThanOrEqualTo(50);
	}

}
