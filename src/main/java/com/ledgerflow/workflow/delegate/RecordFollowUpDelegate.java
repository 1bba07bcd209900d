package com.ledgerflow.workflow.delegate;

import java.time.LocalDate;

import com.ledgerflow.dunning.DunningService;
import com.ledgerflow.dunning.FollowUpOutcome;
import com.ledgerflow.workflow.InvoiceToCashProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;

/** Task_RecordFollowUp: DunningService.decide with the outcome, date and note the follow-up task collected. */
@Component
public class RecordFollowUpDelegate implements JavaDelegate {

	private final DunningService dunning;

	RecordFollowUpDelegate(DunningService dunning) {
		this.dunning = dunning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object promisedBy = execution.getVariable(VAR_FOLLOW_UP_PROMISED_BY);
		dunning.decide(InvoiceToCashProcess.invoiceId(execution),
				outcome((String) execution.getVariable(VAR_FOLLOW_UP_OUTCOME)),
				promisedBy == null ? null : LocalDate.parse(promisedBy.toString()),
				(String) execution.getVariable(VAR_FOLLOW_UP_NOTE), (String) execution.getVariable(VAR_FOLLOWED_UP_BY));
	}

	/** The form's verbs to the domain's outcomes. */
	static FollowUpOutcome outcome(String formValue) {
		return switch (formValue) {
			case OUTCOME_PROMISE -> FollowUpOutcome.PROMISED;
			case OUTCOME_DISPUTE -> FollowUpOutcome.DISPUTED;
			case OUTCOME_COLLECTIONS -> FollowUpOutcome.COLLECTIONS;
			case OUTCOME_WRITE_OFF -> FollowUpOutcome.WRITTEN_OFF;
			default -> throw new IllegalArgumentException("Unknown follow-up outcome " + formValue);
		};
	}

}
