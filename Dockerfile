# Ledgerflow, built from this repository (used by docker-compose.yml)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q -DskipTests package && cp target/ledgerflow-*.jar /ledgerflow.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app ledgerflow
WORKDIR /app
COPY --from=build /ledgerflow.jar /app/ledgerflow.jar
USER ledgerflow
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ledgerflow.jar"]
