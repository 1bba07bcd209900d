package com.ledgerflow.people;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who decided a review, and the approvers in order. */
class ReviewersTests {

	@Test
	void theUserWhoCompletedTheReviewDecidedIt() {
		assertThat(Reviewers.decidedBy("alice", true, "mike")).isEqualTo("alice");
		assertThat(Reviewers.decidedBy("fiona", false, "mike")).isEqualTo("fiona");
	}

	@Test
	void withoutAKnownUserTheManagersReviewIsTheManagersAndTheOtherFinances() {
		assertThat(Reviewers.decidedBy(null, true, "mike")).isEqualTo("mike");
		assertThat(Reviewers.decidedBy(null, false, "mike")).isEqualTo("finance");
	}

	@Test
	void appendsEachApproverInOrder() {
		assertThat(Reviewers.approvedBy(null, "mike")).isEqualTo("mike");
		assertThat(Reviewers.approvedBy(" ", "mike")).isEqualTo("mike");
		assertThat(Reviewers.approvedBy("mike", "fiona")).isEqualTo("mike,fiona");
	}

}
