package com.ledgerflow.timetracking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Time tracking settings ({@code ledgerflow.time-tracking.*}).
 * @param budgetAlertThresholds percent of a project's hour budget at which its manager is told, once each
 * @param reminderDay with {@code reminderTime}: when last week's timesheet is due (company time zone); a consultant
 * who has not submitted it by then is reminded once
 * @param reminderCheckInterval how often the reminder check runs (it catches up after downtime)
 */
@Validated
@ConfigurationProperties("ledgerflow.time-tracking")
public record TimeTrackingProperties(@NotEmpty List<Integer> budgetAlertThresholds, @NotNull DayOfWeek reminderDay,
		@NotNull LocalTime reminderTime, @NotNull Duration reminderCheckInterval) {

}
