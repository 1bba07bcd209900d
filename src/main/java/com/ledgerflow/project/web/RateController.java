package com.ledgerflow.project.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.project.ProjectRate;
import com.ledgerflow.project.RateCard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The project's rate card: project+person rates and the project-wide rate; the effective rate for a person. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/rates")
class RateController {

	private final RateCard rateCard;

	RateController(RateCard rateCard) {
		this.rateCard = rateCard;
	}

	/** @param personId null sets the project-wide rate */
	record RateRequest(@Nullable UUID personId,
			@NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal billRate) {
	}

	record RateView(UUID id, @Nullable UUID personId, BigDecimal billRate) {

		static RateView of(ProjectRate rate) {
			return new RateView(rate.id(), rate.personId(), rate.billRate());
		}

	}

	@GetMapping
	List<RateView> list(@PathVariable UUID projectId) {
		return rateCard.rates(projectId).stream().map(RateView::of).toList();
	}

	@PutMapping
	RateView set(@PathVariable UUID projectId, @Valid @RequestBody RateRequest request) {
		return RateView.of(rateCard.setRate(projectId, request.personId(), request.billRate()));
	}

	@GetMapping("/effective")
	RateCard.EffectiveRate effective(@PathVariable UUID projectId, @RequestParam UUID personId) {
		return rateCard.billRateFor(projectId, personId);
	}

}
