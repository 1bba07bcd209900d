package com.ledgerflow.project;

import java.util.UUID;

/** A proposed project was confirmed: its lifecycle starts. */
public record ProjectConfirmed(UUID projectId, String managerUserId) {
}
