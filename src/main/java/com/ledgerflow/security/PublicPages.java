package com.ledgerflow.security;

import java.util.List;

/**
 * Pages a module serves to anyone, without login: the page chain lets every GET on them through, ahead of its other
 * rules. The module answers for what such a page shows and to whom (an unguessable token in the path, say).
 */
public interface PublicPages {

	/** Path patterns in Spring's {@code PathPattern} syntax (e.g. {@code /invoices/view/{token}}), GET only. */
	List<String> patterns();

}
