package com.ledgerflow.accounting.qbo;

import java.util.Objects;
import java.util.Optional;

import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.client.Address;
import com.ledgerflow.client.Client;
import com.ledgerflow.project.Project;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * QuickBooks Online as the book of record: a client is a {@code Customer}, a project a sub-customer job under it
 * ({@code Job=true}, {@code ParentRef}, {@code BillWithParent}). Creates carry a {@code requestid} derived from the
 * local record, so a push repeated after a crash returns the customer created the first time.
 */
@Component
@ConditionalOnProperty(name = "ledgerflow.accounting.provider", havingValue = "qbo")
class QboAccountingSystem implements AccountingSystem {

	private final QboClient qbo;

	QboAccountingSystem(QboClient qbo) {
		this.qbo = qbo;
	}

	@Override
	public String name() {
		return "qbo";
	}

	@Override
	public ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing) {
		return pushCustomer(client, existing, 0);
	}

	// requestid: the same for a repeated push (QBO replays the original answer), a new one after each refusal
	@Override
	public ExternalRef pushCustomer(Client client, Optional<ExternalRef> existing, int rejectedBefore) {
		String key = "customer:" + compact(client.id()) + generation(rejectedBefore);
		QboCustomer.EmailAddress email = email(client);
		QboCustomer.PhysicalAddress address = address(client.address());
		String displayName = displayName(client.name());
		if (existing.isEmpty()) {
			QboCustomer created = qbo.create(QboCustomer.ENTITY,
					new QboCustomer(null, null, null, displayName, email, address,
							QboCustomer.Ref.to(client.currency().getCurrencyCode()), null, null, null, null),
					key + ":create", QboCustomer.class);
			return ref(created);
		}
		return ref(qbo.update(QboCustomer.ENTITY, existing.get().value(),
				key + ":v" + client.version(), QboCustomer.class,
				current -> Objects.equals(current.displayName(), displayName)
						&& Objects.equals(current.primaryEmailAddr(), email)
						&& Objects.equals(current.billAddr(), address) ? Optional.empty()
								: Optional.of(QboCustomer.sparseUpdateOf(current)
									.withDisplayName(displayName)
									.withContact(email, address))));
	}

	@Override
	public ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing) {
		return pushProject(project, customer, existing, 0);
	}

	@Override
	public ExternalRef pushProject(Project project, ExternalRef customer, Optional<ExternalRef> existing,
			int rejectedBefore) {
		String key = "job:" + compact(project.id()) + generation(rejectedBefore);
		String displayName = displayName(project.code() + " " + project.name());
		if (existing.isEmpty()) {
			QboCustomer created = qbo.create(QboCustomer.ENTITY,
					new QboCustomer(null, null, null, displayName, null, null, null, true,
							QboCustomer.Ref.to(customer.value()), true, null),
					key + ":create", QboCustomer.class);
			return ref(created);
		}
		return ref(qbo.update(QboCustomer.ENTITY, existing.get().value(),
				key + ":v" + project.version(), QboCustomer.class,
				current -> Objects.equals(current.displayName(), displayName) ? Optional.empty()
						: Optional.of(QboCustomer.sparseUpdateOf(current).withDisplayName(displayName))));
	}

	@Override
	public void closeProject(ExternalRef project) {
		qbo.update(QboCustomer.ENTITY, project.value(), "job:" + project.value() + ":close", QboCustomer.class,
				current -> Boolean.FALSE.equals(current.active()) ? Optional.empty()
						: Optional.of(QboCustomer.sparseUpdateOf(current).withActive(false)));
	}

	private static ExternalRef ref(QboCustomer customer) {
		return new ExternalRef(Objects.requireNonNull(customer.id(), "QuickBooks returned a customer without Id"));
	}

	// QBO refuses colons in names (they separate parent and job in FullyQualifiedName)
	private static String displayName(String name) {
		return name.strip().replace(':', '-');
	}

	// QBO takes one address field; several addresses go comma-separated
	private static QboCustomer.@Nullable EmailAddress email(Client client) {
		return client.billingEmails().isEmpty() ? null
				: new QboCustomer.EmailAddress(String.join(",", client.billingEmails()));
	}

	private static QboCustomer.@Nullable PhysicalAddress address(@Nullable Address address) {
		return address == null ? null
				: new QboCustomer.PhysicalAddress(address.line1(), address.line2(), address.city(),
						address.postalCode(), address.region(), address.country());
	}

	private static String generation(int rejectedBefore) {
		return rejectedBefore == 0 ? "" : ":r" + rejectedBefore;
	}

	// requestid holds at most 50 characters: the id without dashes keeps the key readable and short
	private static String compact(java.util.UUID id) {
		return id.toString().replace("-", "");
	}

}
