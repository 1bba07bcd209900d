package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.InvoiceDraft;
import com.ledgerflow.project.TimeGrouping;
import com.ledgerflow.project.TimeRounding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Money to the cent: rounding of minutes, line amounts, tax, markup, totals, and their invariants. */
class InvoiceMoneyTests {

	static final LocalDate TODAY = LocalDate.parse("2026-11-30");

	@ParameterizedTest
	@CsvSource({ "NONE,7,7", "UP_15,7,15", "UP_15,15,15", "UP_15,16,30", "UP_6,1,6", "UP_6,61,66", "UP_30,31,60",
			"NEAREST_15,22,15", "NEAREST_15,23,30", "NEAREST_15,7,15", "NEAREST_15,8,15", "NEAREST_6,8,6",
			"NEAREST_6,9,12", "NEAREST_30,44,30", "NEAREST_30,45,60", "NEAREST_30,3,30", "NONE,97,97" })
	void roundsEachEntryTheProjectsWay(TimeRounding rounding, int worked, int billed) {
		assertThat(rounding.billedMinutes(worked)).isEqualTo(billed);
	}

	@ParameterizedTest
	@CsvSource({ "97,152.50,246.54", "60,150.00,150.00", "1,100.00,1.67", "7,152.50,17.79", "2,0.15,0.01",
			"45,133.33,100.00", "10,0.03,0.01", "1,0.01,0.00" })
	void linesAreBilledMinutesTimesRateHalfUpToTheCent(int minutes, BigDecimal rate, BigDecimal amount) {
		InvoiceLine line = InvoiceLine.time("Design", minutes, minutes, rate);
		assertThat(line.amount()).isEqualByComparingTo(amount);
		assertThat(line.amount().scale()).isEqualTo(2);
		assertThat(line.billedMinutes()).isEqualTo(minutes);
	}

	@Test
	void taxIsHalfUpToTheCent() {
		assertThat(Invoice.taxOn(new BigDecimal("1000.00"), new BigDecimal("8.875"))).isEqualByComparingTo("88.75");
		assertThat(Invoice.taxOn(new BigDecimal("246.54"), new BigDecimal("8.875"))).isEqualByComparingTo("21.88");
		// 0.04 × 8.875 % = 0.00355 → 0.00; 0.06 × 8.875 % = 0.005325 → 0.01
		assertThat(Invoice.taxOn(new BigDecimal("0.04"), new BigDecimal("8.875"))).isEqualByComparingTo("0.00");
		assertThat(Invoice.taxOn(new BigDecimal("0.06"), new BigDecimal("8.875"))).isEqualByComparingTo("0.01");
	}

	@Test
	void totalsAreTheSumOfTheLinesPlusTax() {
		Invoice invoice = invoice(new BigDecimal("8.875"), List.of(InvoiceLine.time("Design", 97, 97,
				new BigDecimal("152.50")), InvoiceLine.single(InvoiceLineKind.EXPENSE, "Taxi", new BigDecimal("55.00"))));
		assertThat(invoice.subtotal()).isEqualByComparingTo("301.54");
		assertThat(invoice.tax()).isEqualByComparingTo("26.76"); // 26.761675
		assertThat(invoice.total()).isEqualByComparingTo("328.30");
		invoice.addDiscount("Loyalty", new BigDecimal("1.54"));
		assertThat(invoice.subtotal()).isEqualByComparingTo("300.00");
		assertThat(invoice.tax()).isEqualByComparingTo("26.63"); // 26.625
		assertThat(invoice.total()).isEqualByComparingTo("326.63");
		assertThat(invoice.lines()).extracting(InvoiceLine::position).containsExactly(1, 2, 3);
	}

	@Test
	void refusesADiscountAboveTheSubtotal() {
		Invoice invoice = invoice(BigDecimal.ZERO,
				List.of(InvoiceLine.single(InvoiceLineKind.MILESTONE, "Go-live", new BigDecimal("100.00"))));
		assertThatThrownBy(() -> invoice.addDiscount("Too much", new BigDecimal("100.01")))
			.isInstanceOf(InvoiceChangeRefused.class);
	}

	@Test
	void groupsTimePerTaskPersonOrEntryAndPerRate() {
		UUID design = UUID.randomUUID();
		UUID build = UUID.randomUUID();
		UUID ann = UUID.randomUUID();
		UUID bob = UUID.randomUUID();
		List<BillableTime> time = List.of(entry(1, ann, "Ann", design, "Design", 7, "150.00"),
				entry(2, bob, "Bob", design, "Design", 22, "150.00"), entry(3, ann, "Ann", build, "Build", 23, "150.00"),
				entry(4, bob, "Bob", design, "Design", 60, "120.00"));

		assertThat(new TimeLines(TimeRounding.UP_15, TimeGrouping.PER_TASK).of(time))
			.extracting(InvoiceLine::description, InvoiceLine::billedMinutes, InvoiceLine::actualMinutes,
					l -> l.amount().toPlainString())
			.containsExactly(tuple("Design", 45, 29, "112.50"), tuple("Build", 30, 23, "75.00"),
					tuple("Design", 60, 60, "120.00"));
		assertThat(new TimeLines(TimeRounding.NEAREST_15, TimeGrouping.PER_PERSON).of(time))
			.extracting(InvoiceLine::description, InvoiceLine::billedMinutes)
			.containsExactly(tuple("Ann", 45), tuple("Bob", 15), tuple("Bob", 60));
		assertThat(new TimeLines(TimeRounding.NONE, TimeGrouping.PER_TASK_AND_PERSON).of(time))
			.extracting(InvoiceLine::description)
			.containsExactly("Design – Ann", "Design – Bob", "Build – Ann", "Design – Bob");
		assertThat(new TimeLines(TimeRounding.NONE, TimeGrouping.PER_ENTRY).of(time)).hasSize(4)
			.first()
			.satisfies(line -> assertThat(line.description()).isEqualTo("2026-11-01 Ann – Design: work 1"));
	}

	/**
	 * Seeded random invoices: the total is always the sum of the lines plus tax, and every line maps onto the
	 * accounting port's line (whose amount must be quantity × unit price, half-up).
	 */
	@Test
	void totalIsAlwaysTheSumOfTheLinesPlusTaxAndLinesMapToAccounting() {
		Random random = new Random(20261126L);
		for (int run = 0; run < 2000; run++) {
			List<BillableTime> time = new ArrayList<>();
			int entries = 1 + random.nextInt(12);
			for (int i = 0; i < entries; i++) {
				String rate = BigDecimal.valueOf(random.nextInt(1_600_000), 2).toPlainString();
				time.add(entry(i % 28 + 1, UUID.randomUUID(), "P" + random.nextInt(3), null, "Work",
						1 + random.nextInt(600), rate));
			}
			TimeRounding rounding = TimeRounding.values()[random.nextInt(TimeRounding.values().length)];
			TimeGrouping grouping = TimeGrouping.values()[random.nextInt(TimeGrouping.values().length)];
			List<InvoiceLine> lines = new ArrayList<>(new TimeLines(rounding, grouping).of(time));
			lines.add(InvoiceLine.single(InvoiceLineKind.EXPENSE, "Hotel", BigDecimal.valueOf(random.nextInt(100_000), 2)
				.add(BigDecimal.ONE)));
			BigDecimal taxRate = BigDecimal.valueOf(random.nextInt(20_000), 3);
			Invoice invoice = invoice(taxRate, lines);

			BigDecimal sum = invoice.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(invoice.subtotal()).isEqualByComparingTo(sum);
			assertThat(invoice.total()).isEqualByComparingTo(sum.add(Invoice.taxOn(sum, taxRate)));
			assertThat(invoice.total().scale()).isEqualTo(2);
			int billed = time.stream().mapToInt(t -> rounding.billedMinutes(t.minutes())).sum();
			assertThat(invoice.lines().stream().filter(l -> l.kind() == InvoiceLineKind.TIME)
				.mapToInt(l -> l.billedMinutes())
				.sum()).isEqualTo(billed);
			var draftLines = invoice.lines()
				.stream()
				.map(l -> new InvoiceDraft.Line(l.description(), l.quantity(), l.unitPrice(), l.amount(),
						new ExternalRef("1"), true))
				.toList();
			assertThat(new InvoiceDraft(invoice.id(), new ExternalRef("2"), TODAY, TODAY.plusDays(30), "USD", draftLines,
					null)
				.total()).isEqualByComparingTo(invoice.subtotal());
		}
	}

	static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	static BillableTime entry(int day, UUID person, String personName, UUID task, String taskName, int minutes,
			String rate) {
		return new BillableTime(UUID.randomUUID(), LocalDate.of(2026, 11, day), person, personName, task, taskName,
				"work " + day, minutes, new BigDecimal(rate));
	}

	static Invoice invoice(BigDecimal taxRate, List<InvoiceLine> lines) {
		return new Invoice(UUID.randomUUID(), UUID.randomUUID(), new BillingPeriod(TODAY.withDayOfMonth(1), TODAY),
				new Invoice.Terms(UUID.randomUUID(), "USD", taxRate, 30), lines, TODAY, Instant.now());
	}

}
