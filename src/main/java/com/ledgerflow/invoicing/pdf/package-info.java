/**
 * Invoice PDFs: lays out an {@link com.ledgerflow.invoicing.pdf.InvoiceDocument} with Apache PDFBox and embedded
 * DejaVu Sans, independent of how invoices are stored.
 */
@NullMarked
package com.ledgerflow.invoicing.pdf;

import org.jspecify.annotations.NullMarked;
