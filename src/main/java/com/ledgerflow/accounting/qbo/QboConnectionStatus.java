package com.ledgerflow.accounting.qbo;

/** Whether the stored tokens work: after Intuit refused the refresh token, finance must connect again. */
public enum QboConnectionStatus {

	CONNECTED, RECONNECT_NEEDED

}
