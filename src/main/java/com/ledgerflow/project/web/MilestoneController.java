package com.ledgerflow.project.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.project.Milestone;
import com.ledgerflow.project.MilestoneDetails;
import com.ledgerflow.project.MilestoneStatus;
import com.ledgerflow.project.ProjectPlanService;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{projectId}/milestones")
class MilestoneController {

	private final ProjectPlanService plans;

	MilestoneController(ProjectPlanService plans) {
		this.plans = plans;
	}

	record MilestoneView(UUID id, UUID projectId, String name, BigDecimal amount, @Nullable LocalDate dueDate,
			MilestoneStatus status, @Nullable LocalDate completedOn, long version) {

		static MilestoneView of(Milestone m) {
			return new MilestoneView(m.id(), m.projectId(), m.name(), m.amount(), m.dueDate(), m.status(),
					m.completedOn(), m.version());
		}

	}

	@GetMapping
	List<MilestoneView> list(@PathVariable UUID projectId) {
		return plans.milestones(projectId).stream().map(MilestoneView::of).toList();
	}

	@PostMapping
	ResponseEntity<MilestoneView> add(@PathVariable UUID projectId, @Valid @RequestBody MilestoneDetails details) {
		Milestone milestone = plans.addMilestone(projectId, details);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/milestones/" + milestone.id()))
			.body(MilestoneView.of(milestone));
	}

	@PutMapping("/{milestoneId}")
	MilestoneView update(@PathVariable UUID projectId, @PathVariable UUID milestoneId,
			@Valid @RequestBody MilestoneDetails details) {
		return MilestoneView.of(plans.updateMilestone(projectId, milestoneId, details));
	}

	@PostMapping("/{milestoneId}/complete")
	MilestoneView complete(@PathVariable UUID projectId, @PathVariable UUID milestoneId) {
		return MilestoneView.of(plans.completeMilestone(projectId, milestoneId));
	}

}
