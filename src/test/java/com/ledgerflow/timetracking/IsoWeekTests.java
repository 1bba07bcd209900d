package com.ledgerflow.timetracking;

import java.time.LocalDate;

import com.ledgerflow.shared.InvalidField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoWeekTests {

	@Test
	void weekOneHoldsTheYearsFirstThursday() {
		// 2026-01-01 is a Thursday: week 1 runs Mon 2025-12-29 to Sun 2026-01-04
		assertThat(IsoWeek.of(LocalDate.of(2025, 12, 29))).hasToString("2026-W01");
		assertThat(IsoWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
		assertThat(IsoWeek.parse("2026-W01").sunday()).isEqualTo(LocalDate.of(2026, 1, 4));
		// 2027-01-01 is a Friday: it still belongs to 2026's last week, W53
		assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
	}

	@Test
	void knowsTheDaysAndNeighboursOfAWeek() {
		IsoWeek week = IsoWeek.parse("2026-W48");
		assertThat(week.days()).hasSize(7).first().isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(week.previous()).hasToString("2026-W47");
		assertThat(IsoWeek.parse("2026-W53").next()).hasToString("2027-W01");
	}

	@Test
	void refusesMalformedAndImpossibleWeeks() {
		assertThatThrownBy(() -> IsoWeek.parse("2026-48")).isInstanceOf(InvalidField.class)
			.hasMessageContaining("2026-W48");
		assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).isInstanceOf(InvalidField.class)
			.hasMessageContaining("weeks 1 to 52");
	}

}
