package com.ledgerflow.workflow.delegate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.workflow.ProjectLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;

import org.springframework.stereotype.Component;

/** Task_PlanProject (create): the active staff as {label, value} options for the form's assignee select. */
@Component
public class OfferStaffOptionsListener implements TaskListener {

	private final PersonService people;

	private final ObjectMapper json;

	OfferStaffOptionsListener(PersonService people, ObjectMapper json) {
		this.people = people;
		this.json = json;
	}

	@Override
	public void notify(DelegateTask task) {
		List<Map<String, String>> options = people.active()
			.stream()
			.map(person -> Map.of("label", person.name(), "value", person.id().toString()))
			.toList();
		try {
			task.setVariableLocal(ProjectLifecycleProcess.VAR_STAFF_OPTIONS,
					SpinValues.jsonValue(json.writeValueAsString(options)).create());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
