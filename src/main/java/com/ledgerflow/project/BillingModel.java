package com.ledgerflow.project;

/** How a project is billed. */
public enum BillingModel {

	TIME_AND_MATERIALS, FIXED_FEE, RETAINER

}
