# RIGHT: the payments API image. A small base and a numeric non-root user.
FROM gcr.io/distroless/java21-debian12:nonroot
COPY build/libs/payments-api.jar /app/payments-api.jar
USER 65532:65532
EXPOSE 8443
ENTRYPOINT ["java", "-jar", "/app/payments-api.jar"]
