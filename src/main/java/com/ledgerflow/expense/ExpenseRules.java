package com.ledgerflow.expense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.shared.InvalidField;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules every expense obeys: a known, open project the person is on the team of; a date not in the future
 * (company time zone); a known category; a positive amount (or, for mileage, a positive distance priced at the
 * configured rate); the project's currency, or another one with the exchange rate to it.
 */
@Component
class ExpenseRules {

	private final PersonService people;

	private final ProjectService projects;

	private final ProjectTeam team;

	private final ClientService clients;

	private final ExpenseCategoryRepository categories;

	private final ExpenseProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	ExpenseRules(PersonService people, ProjectService projects, ProjectTeam team, ClientService clients,
			ExpenseCategoryRepository categories, ExpenseProperties properties, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.people = people;
		this.projects = projects;
		this.team = team;
		this.clients = clients;
		this.categories = categories;
		this.properties = properties;
		this.clock = clock;
		this.zone = zone;
	}

	Expense.Spent resolve(ExpenseDetails details) {
		Person person = people.referencedBy("personId", details.personId());
		Project project = team.bookable(details.projectId(), "expense");
		team.checkBooker(project, person);
		if (details.date().isAfter(LocalDate.now(clock.withZone(zone)))) {
			throw new InvalidField("date", details.date() + " is in the future; expenses are booked once paid");
		}
		ExpenseCategory category = categories.findById(details.category().strip().toUpperCase(Locale.ROOT))
			.filter(ExpenseCategory::active)
			.orElseThrow(() -> new InvalidField("category", "no expense category '" + details.category() + "'"));
		String projectCurrency = clients.get(project.clientId()).currency().getCurrencyCode();
		BigDecimal amount = category.mileage() ? mileage(details) : amount(details);
		String currency = details.currency() == null ? projectCurrency : details.currency();
		BigDecimal rate = exchangeRate(details.exchangeRate(), currency, projectCurrency);
		BigDecimal projectAmount = amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
		if (projectAmount.signum() <= 0) {
			throw new InvalidField("exchangeRate", "makes the amount zero in " + projectCurrency);
		}
		BigDecimal markup = details.markupPercent() == null ? project.expenseMarkupPercent() : details.markupPercent();
		if (markup.signum() < 0) {
			throw new InvalidField("markupPercent", "must not be negative");
		}
		String description = details.description() == null ? "" : details.description().strip();
		return new Expense.Spent(person.id(), project.id(), details.date(), category.code(), details.vendor().strip(),
				description, amount, currency, rate, projectAmount, details.distance(),
				details.billable() == null || details.billable(), markup);
	}

	/**
	 * Who an expense is booked for when what it comes from names no one (a purchase entered in accounting): the
	 * project's manager, who is always on its team.
	 */
	UUID payerOfUnnamed(UUID projectId) {
		return projects.get(projectId).managerId();
	}

	private BigDecimal mileage(ExpenseDetails details) {
		BigDecimal distance = details.distance();
		if (distance == null || distance.signum() <= 0) {
			throw new InvalidField("distance", "must be more than zero " + properties.mileageUnit() + " for mileage");
		}
		if (details.amount() != null) {
			throw new InvalidField("amount", "is distance × " + properties.mileageRate() + " per "
					+ properties.mileageUnit() + " for mileage; leave it out");
		}
		return distance.multiply(properties.mileageRate()).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal amount(ExpenseDetails details) {
		BigDecimal amount = details.amount();
		if (amount == null) {
			throw new InvalidField("amount", "is required");
		}
		if (amount.signum() <= 0) {
			throw new InvalidField("amount", "must be more than zero, not " + amount.toPlainString());
		}
		if (details.distance() != null) {
			throw new InvalidField("distance", "only applies to a mileage category");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new InvalidField("amount", "has more than two decimals: " + amount.toPlainString());
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static BigDecimal exchangeRate(@Nullable BigDecimal given,
			String currency, String projectCurrency) {
		if (currency.equals(projectCurrency)) {
			if (given != null && given.compareTo(BigDecimal.ONE) != 0) {
				throw new InvalidField("exchangeRate", "only applies to an expense in another currency than the "
						+ "project's " + projectCurrency);
			}
			return BigDecimal.ONE;
		}
		if (given == null || given.signum() <= 0) {
			throw new InvalidField("exchangeRate", "is required: the expense is in " + currency
					+ " but the project bills in " + projectCurrency + "; give the rate from " + currency + " to "
					+ projectCurrency);
		}
		return given;
	}

}
