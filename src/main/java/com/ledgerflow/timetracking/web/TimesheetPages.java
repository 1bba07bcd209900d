package com.ledgerflow.timetracking.web;

import java.util.UUID;
import java.util.function.Consumer;

import com.ledgerflow.people.StaffAccess;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;
import com.ledgerflow.timetracking.IsoWeek;
import com.ledgerflow.timetracking.TimeEntry;
import com.ledgerflow.timetracking.TimeEntryDetails;
import com.ledgerflow.timetracking.TimeEntryOrigin;
import com.ledgerflow.timetracking.TimeEntryService;
import com.ledgerflow.timetracking.TimerService;
import com.ledgerflow.timetracking.TimesheetService;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The weekly timesheet page: a person's week as a grid, booking, changing and removing entries while they are
 * editable, the running timer, and submitting the week. Whoever may see a sheet may also change it, as in the API
 * ({@link StaffAccess}: one's own; managers, finance and administrators anyone's). Every form posts with the sheet's
 * {@code personId} and {@code week} and redirects back to the sheet; a refused change renders the sheet again with
 * the reason next to the form.
 */
@Controller
@RequestMapping("/timesheet")
class TimesheetPages {

	private final TimeEntryService timeEntries;

	private final TimerService timers;

	private final TimesheetService timesheets;

	private final StaffAccess access;

	private final TimesheetView view;

	TimesheetPages(TimeEntryService timeEntries, TimerService timers, TimesheetService timesheets, StaffAccess access,
			TimesheetView view) {
		this.timeEntries = timeEntries;
		this.timers = timers;
		this.timesheets = timesheets;
		this.access = access;
		this.view = view;
	}

	/** The sheet of {@code personId} (default: the caller) for {@code week} (default: this week). */
	@GetMapping
	ModelAndView sheet(Authentication caller, @RequestParam(required = false) @Nullable String personId,
			@RequestParam(required = false) @Nullable String week, Model model) {
		return render(caller, person(caller, personId), week(week), null, null, null, model);
	}

	/** A malformed week or person id (typed into the address, or a tampered form): the caller's own week, and why. */
	@ExceptionHandler(InvalidField.class)
	ModelAndView malformed(Authentication caller, InvalidField ex) {
		return render(caller, person(caller, null), view.currentWeek(), null, null, PageError.of("page", ex),
				new ExtendedModelMap());
	}

	@PostMapping("/entries")
	ModelAndView addEntry(Authentication caller, @RequestParam(required = false) @Nullable String personId,
			@RequestParam(required = false) @Nullable String week, @ModelAttribute EntryForm form, Model model) {
		UUID person = required(person(caller, personId));
		IsoWeek sheet = week(week);
		try {
			BookableWork.Work work = form.bookedWork();
			timeEntries.create(new TimeEntryDetails(person, work.projectId(), work.taskId(), form.day(),
					form.minutes(), null, null, form.notes(), null), TimeEntryOrigin.WEB);
			return back(person, sheet);
		}
		catch (InvalidField | StateConflict | NotFound ex) {
			return render(caller, person, sheet, form, null, PageError.of("add", ex), model);
		}
	}

	/** Changes an entry's hours and notes; a changed duration drops the start–end span it was timed with. */
	@PostMapping("/entries/{id}")
	ModelAndView changeEntry(Authentication caller, @PathVariable UUID id, @RequestParam String week,
			@RequestParam(required = false) @Nullable String hours,
			@RequestParam(required = false) @Nullable String notes, Model model) {
		return onEntry(caller, id, week, model, entry -> {
			int minutes = EntryForm.minutes(hours);
			boolean sameSpan = minutes == entry.minutes();
			timeEntries.update(id, new TimeEntryDetails(entry.personId(), entry.projectId(), entry.taskId(),
					entry.date(), minutes, sameSpan ? entry.start() : null, sameSpan ? entry.end() : null, notes,
					entry.billable()));
		});
	}

	@PostMapping("/entries/{id}/delete")
	ModelAndView deleteEntry(Authentication caller, @PathVariable UUID id, @RequestParam String week, Model model) {
		return onEntry(caller, id, week, model, entry -> timeEntries.delete(id));
	}

	@PostMapping("/timer/start")
	ModelAndView startTimer(Authentication caller, @RequestParam(required = false) @Nullable String personId,
			@RequestParam(required = false) @Nullable String week, @ModelAttribute TimerForm form, Model model) {
		UUID person = required(person(caller, personId));
		IsoWeek sheet = week(week);
		try {
			BookableWork.Work work = form.bookedWork();
			timers.start(person, work.projectId(), work.taskId(), form.notes());
			return back(person, sheet);
		}
		catch (InvalidField | StateConflict | NotFound ex) {
			return render(caller, person, sheet, null, form, PageError.of("timer", ex), model);
		}
	}

	@PostMapping("/timer/stop")
	ModelAndView stopTimer(Authentication caller, @RequestParam(required = false) @Nullable String personId,
			@RequestParam(required = false) @Nullable String week, Model model) {
		UUID person = required(person(caller, personId));
		IsoWeek sheet = week(week);
		try {
			TimeEntry booked = timers.stop(person);
			return back(person, booked.isoWeek());
		}
		catch (InvalidField | StateConflict | NotFound ex) {
			return render(caller, person, sheet, null, null, PageError.of("timer", ex), model);
		}
	}

	@PostMapping("/submit")
	ModelAndView submit(Authentication caller, @RequestParam(required = false) @Nullable String personId,
			@RequestParam(required = false) @Nullable String week, Model model) {
		UUID person = required(person(caller, personId));
		IsoWeek sheet = week(week);
		try {
			timesheets.submit(person, sheet);
			return back(person, sheet);
		}
		catch (InvalidField | StateConflict | NotFound ex) {
			return render(caller, person, sheet, null, null, PageError.of("submit", ex), model);
		}
	}

	private ModelAndView onEntry(Authentication caller, UUID id, String week, Model model, Consumer<TimeEntry> change) {
		IsoWeek sheet = week(week);
		TimeEntry entry;
		try {
			entry = timeEntries.get(id);
		}
		catch (NotFound ex) {
			return render(caller, person(caller, null), sheet, null, null,
					PageError.of("page", new StateConflict("That time entry no longer exists")), model);
		}
		UUID person = access.personFor(caller, entry.personId());
		try {
			change.accept(entry);
			return back(person, entry.isoWeek());
		}
		catch (InvalidField | StateConflict | NotFound ex) {
			return render(caller, person, entry.isoWeek(), null, null, PageError.of(id.toString(), ex), model);
		}
	}

	private ModelAndView render(Authentication caller, @Nullable UUID person, IsoWeek week, @Nullable EntryForm form,
			@Nullable TimerForm timerForm, @Nullable PageError error, Model model) {
		view.fill(model, person, week, access.seesEveryone(caller), form, timerForm, error);
		ModelAndView page = new ModelAndView(TimesheetView.TEMPLATE, model.asMap());
		if (error != null) {
			page.setStatus(HttpStatus.BAD_REQUEST);
		}
		return page;
	}

	private static ModelAndView back(UUID person, IsoWeek week) {
		return new ModelAndView("redirect:/timesheet?personId=" + person + "&week=" + week);
	}

	/**
	 * The person whose sheet it is; null only for a manager, finance or an administrator without a person of their
	 * own who named nobody (they pick someone first). A consultant naming someone else: 403.
	 */
	private @Nullable UUID person(Authentication caller, @Nullable String personId) {
		if (personId != null && !personId.isBlank()) {
			try {
				return access.personFor(caller, UUID.fromString(personId.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidField("personId", "'" + personId + "' is not a person's id");
			}
		}
		if (access.seesEveryone(caller)) {
			return access.selfIfAny(caller);
		}
		return access.personFor(caller, null);
	}

	private static UUID required(@Nullable UUID person) {
		if (person == null) {
			throw new InvalidField("personId", "pick whose timesheet to change");
		}
		return person;
	}

	private IsoWeek week(@Nullable String week) {
		return week == null || week.isBlank() ? view.currentWeek() : IsoWeek.parse(week);
	}

}
