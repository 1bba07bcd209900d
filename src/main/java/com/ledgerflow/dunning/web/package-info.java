/** The dunning API: an invoice's reminders and follow-ups. */
@NullMarked
package com.ledgerflow.dunning.web;

import org.jspecify.annotations.NullMarked;
