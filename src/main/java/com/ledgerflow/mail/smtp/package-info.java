@org.jspecify.annotations.NullMarked
package com.ledgerflow.mail.smtp;
