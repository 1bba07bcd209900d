package com.ledgerflow.security;

/** A staff login: the Camunda user id, display name and e-mail. */
public record StaffAccount(String id, String firstName, String lastName, String email) {
}
