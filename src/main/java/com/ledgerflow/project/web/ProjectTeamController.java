package com.ledgerflow.project.web;

import java.util.List;
import java.util.UUID;

import com.ledgerflow.project.ProjectTeam;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The project's added team members (who may book time besides the manager and task assignees). */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/members")
class ProjectTeamController {

	private final ProjectTeam team;

	ProjectTeamController(ProjectTeam team) {
		this.team = team;
	}

	record MemberRequest(@NotNull UUID personId) {
	}

	@GetMapping
	List<UUID> list(@PathVariable UUID projectId) {
		return team.addedMembers(projectId);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void add(@PathVariable UUID projectId, @Valid @RequestBody MemberRequest request) {
		team.add(projectId, request.personId());
	}

}
