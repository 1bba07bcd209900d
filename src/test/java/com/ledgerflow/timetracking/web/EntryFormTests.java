package com.ledgerflow.timetracking.web;

import com.ledgerflow.shared.InvalidField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryFormTests {

	@Test
	void readsHoursAsDecimalsWithPointOrCommaOrAsHoursAndMinutes() {
		assertThat(EntryForm.minutes("7.5")).isEqualTo(450);
		assertThat(EntryForm.minutes(" 7,5 ")).isEqualTo(450);
		assertThat(EntryForm.minutes("7:30")).isEqualTo(450);
		assertThat(EntryForm.minutes("0:05")).isEqualTo(5);
		assertThat(EntryForm.minutes("0.02")).isEqualTo(1);
		assertThat(EntryForm.minutes("25")).isEqualTo(1500);
	}

	@Test
	void namesTheHoursFieldWhenTheyCannotBeRead() {
		for (String typed : new String[] { "lots", "7:75", "", "1e400" }) {
			assertThatThrownBy(() -> EntryForm.minutes(typed)).isInstanceOfSatisfying(InvalidField.class,
					invalid -> assertThat(invalid.field()).isEqualTo("hours"));
		}
	}

	@Test
	void everyTwoPlaceHoursValueShownOnThePageReadsBackAsTheSameMinutes() {
		for (int minutes = 1; minutes <= 24 * 60; minutes++) {
			assertThat(EntryForm.minutes(TimesheetGrid.hours(minutes))).isEqualTo(minutes);
		}
	}

}
