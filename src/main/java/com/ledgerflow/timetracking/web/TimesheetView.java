package com.ledgerflow.timetracking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.RunningTimer;
import com.ledgerflow.timetracking.TimeBooking;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimerService;
import com.ledgerflow.timetracking.Timesheet;
import com.ledgerflow.timetracking.TimesheetService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of {@code timetracking/timesheet.html}: the grid, the timer, the sheet's status and the forms. */
@Component
class TimesheetView {

	static final String TEMPLATE = "timetracking/timesheet";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final TimeEntryService timeEntries;

	private final TimerService timers;

	private final TimesheetService timesheets;

	private final PersonService people;

	private final BookableWork work;

	private final TimeBooking booking;

	private final Clock clock;

	private final ZoneId zone;

	TimesheetView(TimeEntryService timeEntries, TimerService timers, TimesheetService timesheets,
			PersonService people, BookableWork work, TimeBooking booking, Clock clock,
			@Value("${ledgerflow.company.time-zone}") ZoneId zone) {
		this.timeEntries = timeEntries;
		this.timers = timers;
		this.timesheets = timesheets;
		this.people = people;
		this.work = work;
		this.booking = booking;
		this.clock = clock;
		this.zone = zone;
	}

	/** The running timer as shown: what it runs on, since when (company time zone) and the instant for the ticker. */
	record TimerView(String label, String notes, String startedAt, long startedAtMillis) {
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	IsoWeek currentWeek() {
		return IsoWeek.of(today());
	}

	void fill(Model model, @Nullable UUID personId, IsoWeek week, boolean seesEveryone, @Nullable EntryForm form,
			@Nullable TimerForm timerForm, @Nullable PageError error) {
		LocalDate today = today();
		model.addAttribute("week", week.toString());
		model.addAttribute("weekRange", DAY.format(week.monday()) + " – " + DAY.format(week.sunday()));
		model.addAttribute("previousWeek", week.previous().toString());
		model.addAttribute("nextWeek", week.next().toString());
		model.addAttribute("currentWeek", currentWeek().toString());
		model.addAttribute("today", today);
		model.addAttribute("zone", zone);
		model.addAttribute("error", error);
		model.addAttribute("personId", personId);
		model.addAttribute("people", seesEveryone ? people.active() : List.of());
		if (personId == null) {
			return;
		}
		Person person = people.get(personId);
		BookableWork.Labels labels = work.labels();
		List<TimeEntry> entries = timeEntries.week(personId, week);
		TimesheetGrid grid = TimesheetGrid.of(week, entries, labels::of);
		// which of the week's entries are booked in accounting (their external id), shown next to their status
		model.addAttribute("inAccounting", booking.booked(entries.stream().map(TimeEntry::id).toList()));
		Timesheet sheet = timesheets.get(personId, week);
		model.addAttribute("person", person);
		model.addAttribute("grid", grid);
		model.addAttribute("sheet", sheet);
		model.addAttribute("choices", work.choices(personId));
		model.addAttribute("timer", timers.running(personId).map(timer -> view(timer, labels)).orElse(null));
		model.addAttribute("form", form != null ? form
				: EntryForm.empty(week.days().contains(today) ? today : week.monday()));
		model.addAttribute("timerForm", timerForm != null ? timerForm : TimerForm.empty());
	}

	private TimerView view(RunningTimer timer, BookableWork.Labels labels) {
		return new TimerView(labels.of(timer.projectId(), timer.taskId()), timer.notes(),
				DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH).format(timer.startedAt().atZone(zone)),
				timer.startedAt().toEpochMilli());
	}

}
