package com.ledgerflow.dunning;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.ledgerflow.security.StaffGroups;
import com.ledgerflow.shared.InvalidField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a follow-up decision needs, and who may decide it. */
class FollowUpRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 29);

	@Test
	void aPromiseNeedsADateTodayOrLater() {
		assertThatThrownBy(() -> FollowUpRules.check(FollowUpOutcome.PROMISED, null, null, TODAY))
			.isInstanceOfSatisfying(InvalidField.class, ex -> assertField(ex, "promisedBy"))
			.hasMessage("is required for a promise to pay");
		assertThatThrownBy(() -> FollowUpRules.check(FollowUpOutcome.PROMISED, TODAY.minusDays(1), null, TODAY))
			.hasMessage("must be today or later");
		assertThatNoException().isThrownBy(() -> FollowUpRules.check(FollowUpOutcome.PROMISED, TODAY, null, TODAY));
	}

	@Test
	void aDisputeNeedsANote() {
		assertThatThrownBy(() -> FollowUpRules.check(FollowUpOutcome.DISPUTED, null, " ", TODAY))
			.isInstanceOfSatisfying(InvalidField.class, ex -> assertField(ex, "note"))
			.hasMessage("is required for a dispute");
		assertThatNoException()
			.isThrownBy(() -> FollowUpRules.check(FollowUpOutcome.DISPUTED, null, "Hours not agreed", TODAY));
	}

	@Test
	void onlyFinanceWritesAnInvoiceOff() {
		assertThatThrownBy(() -> FollowUpRules.checkDecider(FollowUpOutcome.WRITTEN_OFF, Set.of(StaffGroups.MANAGERS)))
			.isInstanceOfSatisfying(InvalidField.class, ex -> assertField(ex, "outcome"))
			.hasMessage("only finance writes an invoice off");
		assertThatThrownBy(() -> FollowUpRules.checkDecider(FollowUpOutcome.WRITTEN_OFF, List.of()))
			.isInstanceOf(InvalidField.class);
		assertThatNoException().isThrownBy(() -> FollowUpRules.checkDecider(FollowUpOutcome.WRITTEN_OFF,
				Set.of(StaffGroups.MANAGERS, StaffGroups.FINANCE)));
	}

	@Test
	void anyoneDecidesTheOtherOutcomes() {
		for (FollowUpOutcome outcome : List.of(FollowUpOutcome.PROMISED, FollowUpOutcome.DISPUTED,
				FollowUpOutcome.COLLECTIONS)) {
			assertThatNoException().isThrownBy(() -> FollowUpRules.checkDecider(outcome, List.of()));
		}
	}

	private static void assertField(InvalidField ex, String field) {
		assertThat(ex.field()).isEqualTo(field);
	}

}
