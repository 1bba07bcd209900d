package com.ledgerflow.project;

import java.util.UUID;

/** The work on a project is done: final billing, then closing in accounting. */
public record ProjectCompleted(UUID projectId) {
}
