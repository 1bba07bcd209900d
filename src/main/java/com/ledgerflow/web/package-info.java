/** HTTP edge shared by every module's controllers: errors as RFC 9457 problem details, uploads over the limit as a page. */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package com.ledgerflow.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
