package com.ledgerflow.timetracking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books, changes and removes time entries under {@link TimeEntryRules}; every change is all or nothing. */
@Service
public class TimeEntryService {

	private final TimeEntryRepository entries;

	private final TimeEntryRules rules;

	private final Clock clock;

	TimeEntryService(TimeEntryRepository entries, TimeEntryRules rules, Clock clock) {
		this.entries = entries;
		this.rules = rules;
		this.clock = clock;
	}

	@Transactional
	public TimeEntry create(TimeEntryDetails details, TimeEntryOrigin origin) {
		TimeEntry.Worked worked = rules.resolve(details);
		rules.checkDay(worked, null);
		return entries.saveAndFlush(new TimeEntry(worked, origin, null, null, clock.instant()));
	}

	/**
	 * Books all entries or none: a broken entry fails the whole call, its field prefixed with its position
	 * ({@code [2].minutes}). The 24 h and overlap rules count the entries before it in the same call.
	 */
	@Transactional
	public List<TimeEntry> createAll(List<TimeEntryDetails> all, TimeEntryOrigin origin) {
		List<TimeEntry> created = new ArrayList<>(all.size());
		for (int i = 0; i < all.size(); i++) {
			try {
				created.add(create(all.get(i), origin));
			}
			catch (InvalidField ex) {
				throw new InvalidField("[" + i + "]." + ex.field(), ex.reason());
			}
			catch (StateConflict ex) {
				throw new StateConflict("Entry [" + i + "]: " + ex.getMessage());
			}
			catch (NotFound ex) {
				throw new NotFound(ex.entity(), ex.id(), "[" + i + "]." + (ex.field() == null ? "id" : ex.field()));
			}
		}
		return created;
	}

	@Transactional
	public TimeEntry update(UUID id, TimeEntryDetails details) {
		TimeEntry entry = get(id);
		entry.ensureEditable();
		if (!entry.personId().equals(details.personId())) {
			throw new InvalidField("personId", "an entry stays with the person who booked it");
		}
		TimeEntry.Worked worked = rules.resolve(details);
		rules.checkDay(worked, id);
		entry.change(worked, clock.instant());
		return entries.saveAndFlush(entry);
	}

	@Transactional
	public void delete(UUID id) {
		TimeEntry entry = get(id);
		entry.ensureEditable();
		entries.delete(entry);
	}

	@Transactional(readOnly = true)
	public TimeEntry get(UUID id) {
		return entries.findById(id).orElseThrow(() -> new NotFound("time entry", id));
	}

	/** The project's approved billable entries worked up to {@code upTo} (inclusive), by day. */
	@Transactional(readOnly = true)
	public List<TimeEntry> billable(UUID projectId, LocalDate upTo) {
		return entries.findBillable(projectId, upTo);
	}

	/** The entries with these ids (unknown ids are left out). */
	@Transactional(readOnly = true)
	public List<TimeEntry> getAll(Collection<UUID> ids) {
		return entries.findAllById(ids);
	}

	/** APPROVED → INVOICED for each entry (an invoice claimed them); all or none. */
	@Transactional
	public void markInvoiced(Collection<UUID> ids) {
		entries.findAllById(ids).forEach(entry -> entry.invoiced(clock.instant()));
	}

	/** INVOICED → APPROVED for each entry (its invoice was rejected): billable again on the next run. */
	@Transactional
	public void release(Collection<UUID> ids) {
		entries.findAllById(ids).forEach(entry -> entry.released(clock.instant()));
	}

	/** APPROVED or INVOICED → WRITTEN_OFF: the work is never billed (the caller keeps the reason). */
	@Transactional
	public TimeEntry writeOff(UUID id) {
		TimeEntry entry = get(id);
		entry.writtenOff(clock.instant());
		return entry;
	}

	/** The person's entries in the week, by day. */
	@Transactional(readOnly = true)
	public List<TimeEntry> week(UUID personId, IsoWeek week) {
		return entries.findWeek(personId, week.toString());
	}

}
