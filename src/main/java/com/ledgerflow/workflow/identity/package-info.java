/**
 * Staff identity on Camunda: accounts and groups in the identity service, the authorization matrix, and the filters
 * that hand Spring Security's user to the Camunda webapps and REST API.
 */
@NullMarked
package com.ledgerflow.workflow.identity;

import org.jspecify.annotations.NullMarked;
