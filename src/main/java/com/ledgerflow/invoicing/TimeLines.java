package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ledgerflow.project.TimeGrouping;
import com.ledgerflow.project.TimeRounding;

/**
 * Turns time into invoice lines the project's way: each entry rounded on its own, then entries grouped (per entry,
 * task, person, or task and person) — and per hourly rate, since a line has one unit price. Lines follow the first
 * day they bill.
 */
record TimeLines(TimeRounding rounding, TimeGrouping grouping) {

	List<InvoiceLine> of(List<BillableTime> time) {
		Map<List<Object>, List<BillableTime>> groups = new LinkedHashMap<>();
		time.stream()
			.sorted(Comparator.comparing(BillableTime::date).thenComparing(BillableTime::entryId))
			.forEach(entry -> groups.computeIfAbsent(key(entry), k -> new ArrayList<>()).add(entry));
		List<InvoiceLine> lines = new ArrayList<>(groups.size());
		groups.values().forEach(group -> lines.add(line(group)));
		return lines;
	}

	private List<Object> key(BillableTime entry) {
		Object task = entry.taskId() == null ? "" : entry.taskId();
		switch (grouping) {
			case PER_ENTRY:
				return List.of(entry.entryId(), entry.hourlyRate());
			case PER_PERSON:
				return List.of(entry.personId(), entry.hourlyRate());
			case PER_TASK_AND_PERSON:
				return List.of(task, entry.personId(), entry.hourlyRate());
			default:
				return List.of(task, entry.hourlyRate());
		}
	}

	private InvoiceLine line(List<BillableTime> group) {
		int billed = 0;
		int actual = 0;
		for (BillableTime entry : group) {
			billed += rounding.billedMinutes(entry.minutes());
			actual += entry.minutes();
		}
		BillableTime first = group.get(0);
		BigDecimal rate = first.hourlyRate();
		return InvoiceLine.time(description(first), billed, actual, rate);
	}

	private String description(BillableTime entry) {
		switch (grouping) {
			case PER_ENTRY:
				String text = entry.date() + " " + entry.personName() + " – " + entry.taskName();
				return entry.notes().isBlank() ? text : text + ": " + entry.notes().strip();
			case PER_PERSON:
				return entry.personName();
			case PER_TASK_AND_PERSON:
				return entry.taskName() + " – " + entry.personName();
			default:
				return entry.taskName();
		}
	}

}
