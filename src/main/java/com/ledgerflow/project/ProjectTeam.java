package com.ledgerflow.project;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.shared.InvalidField;
import com.ledgerflow.shared.NotFound;
import com.ledgerflow.shared.StateConflict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is on a project's team and may book time on it: its manager, its tasks' assignees and added members. */
@Service
public class ProjectTeam {

	private final ProjectMemberRepository members;

	private final ProjectService projects;

	private final PersonService people;

	private final Clock clock;

	ProjectTeam(ProjectMemberRepository members, ProjectService projects, PersonService people, Clock clock) {
		this.members = members;
		this.projects = projects;
		this.people = people;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean isOnTeam(UUID projectId, UUID personId) {
		return members.isOnTeam(projectId, personId);
	}

	/**
	 * The project, if {@code what} (time, an expense) may be booked on it: a known project ({@link NotFound} naming
	 * {@code projectId}) that is not CLOSED ({@link StateConflict}).
	 */
	@Transactional(readOnly = true)
	public Project bookable(UUID projectId, String what) {
		Project project;
		try {
			project = projects.get(projectId);
		}
		catch (NotFound ex) {
			throw new NotFound("project", projectId, "projectId");
		}
		if (!project.acceptsBookings()) {
			throw new StateConflict("Project " + project.code() + " is CLOSED; no " + what + " can be booked on it");
		}
		return project;
	}

	/** Refuses a booking by someone not on the project's team ({@link InvalidField} naming {@code personId}). */
	@Transactional(readOnly = true)
	public void checkBooker(Project project, Person person) {
		if (!members.isOnTeam(project.id(), person.id())) {
			throw new InvalidField("personId",
					person.name() + " is not on the team of project " + project.code() + "; add them to it first");
		}
	}

	/** Adds the person to the team; adding someone already on it changes nothing. */
	@Transactional
	public void add(UUID projectId, UUID personId) {
		projects.get(projectId);
		people.referencedBy("personId", personId);
		if (!members.isOnTeam(projectId, personId)) {
			members.save(new ProjectMember(projectId, personId, clock.instant()));
		}
	}

	/** Everyone on the team of a project in work (planning or active), managers aside: who should book time. */
	@Transactional(readOnly = true)
	public Set<UUID> peopleOnProjectsInWork() {
		return Set.copyOf(members.peopleOnProjectsInWork());
	}

	/** The explicitly added members (the manager and assignees are on the team without being listed here). */
	@Transactional(readOnly = true)
	public List<UUID> addedMembers(UUID projectId) {
		projects.get(projectId);
		return members.findByProjectId(projectId).stream().map(ProjectMember::personId).toList();
	}

}
