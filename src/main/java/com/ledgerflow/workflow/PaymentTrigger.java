package com.ledgerflow.workflow;

import java.util.UUID;

import com.ledgerflow.payment.PaymentReceived;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static com.ledgerflow.workflow.InvoiceToCashProcess.KEY;
import static com.ledgerflow.workflow.InvoiceToCashProcess.MSG_PAYMENT_RECEIVED;
import static com.ledgerflow.workflow.InvoiceToCashProcess.TASK_CHECK_PAYMENT;

/**
 * Correlates {@code Msg_PaymentReceived} to {@code invoice:{id}} after a payment's commit (the payment row is the
 * truth; the process reads the open balance itself). Waiting at Task_AwaitPayment: correlated. Already in the payment
 * phase but busy (checking the balance, or a reminder job touching the instance at the same moment): fails, so that
 * the event registry delivers it again (IncompleteEventRetry) — never lost. Not yet sent, or ended: nothing, as the
 * balance check before the first wait sees the payment and an ended instance has nothing to wait for.
 */
@Component
class PaymentTrigger {

	private static final Logger log = LoggerFactory.getLogger(PaymentTrigger.class);

	private final RuntimeService runtime;

	private final HistoryService history;

	PaymentTrigger(RuntimeService runtime, HistoryService history) {
		this.runtime = runtime;
		this.history = history;
	}

	/** After the payment's commit, from the event publication registry (a failure is delivered again). */
	@ApplicationModuleListener
	void on(PaymentReceived event) {
		paymentReceived(event.invoiceId());
	}

	/** Idempotent in effect: a repeated correlation only checks the balance again. */
	void paymentReceived(UUID invoiceId) {
		String businessKey = InvoiceToCashProcess.businessKey(invoiceId);
		boolean waiting = runtime.createExecutionQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.messageEventSubscriptionName(MSG_PAYMENT_RECEIVED)
			.count() > 0;
		if (waiting) {
			runtime.createMessageCorrelation(MSG_PAYMENT_RECEIVED).processInstanceBusinessKey(businessKey).correlate();
			return;
		}
		var instance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(businessKey)
			.singleResult();
		if (instance != null && history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(TASK_CHECK_PAYMENT)
			.count() > 0) {
			throw new IllegalStateException(
					businessKey + " is between two payment waits; the payment is correlated again");
		}
		log.info("{}: payment recorded while no {} instance waits for one; its balance check sees it", businessKey,
				KEY);
	}

}
