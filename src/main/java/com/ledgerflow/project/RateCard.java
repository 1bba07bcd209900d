package com.ledgerflow.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.ledgerflow.people.PersonService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hourly bill rates: the project+person rate, else the project-wide rate, else the person's default — first match
 * wins. Rates are per hour, in the company currency, exact to the cent.
 */
@Service
public class RateCard {

	/** Where an effective rate came from. */
	public enum Source {

		PROJECT_PERSON, PROJECT, PERSON_DEFAULT

	}

	public record EffectiveRate(BigDecimal billRate, Source source) {
	}

	private final ProjectRateRepository rates;

	private final ProjectService projects;

	private final PersonService people;

	RateCard(ProjectRateRepository rates, ProjectService projects, PersonService people) {
		this.rates = rates;
		this.projects = projects;
		this.people = people;
	}

	/** Sets (or replaces) the rate for one person on the project, or the project-wide rate when person is null. */
	@Transactional
	public ProjectRate setRate(UUID projectId, @Nullable UUID personId, BigDecimal billRate) {
		projects.get(projectId).ensureEditable();
		if (personId != null) {
			people.referencedBy("personId", personId);
		}
		var existing = personId == null ? rates.findByProjectIdAndPersonIdIsNull(projectId)
				: rates.findByProjectIdAndPersonId(projectId, personId);
		ProjectRate rate = existing.orElseGet(() -> new ProjectRate(projectId, personId, billRate));
		rate.change(billRate);
		return rates.saveAndFlush(rate);
	}

	@Transactional(readOnly = true)
	public List<ProjectRate> rates(UUID projectId) {
		projects.get(projectId);
		return rates.findByProjectId(projectId);
	}

	@Transactional(readOnly = true)
	public EffectiveRate billRateFor(UUID projectId, UUID personId) {
		projects.get(projectId);
		var personRate = rates.findByProjectIdAndPersonId(projectId, personId);
		if (personRate.isPresent()) {
			return new EffectiveRate(personRate.get().billRate(), Source.PROJECT_PERSON);
		}
		var projectRate = rates.findByProjectIdAndPersonIdIsNull(projectId);
		if (projectRate.isPresent()) {
			return new EffectiveRate(projectRate.get().billRate(), Source.PROJECT);
		}
		return new EffectiveRate(people.referencedBy("personId", personId).defaultBillRate(), Source.PERSON_DEFAULT);
	}

}
