# One image for the producer, worker and notifier services of docker-compose.yml.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY schemas schemas
COPY producers producers
COPY streams streams
COPY notifiers notifiers
COPY kafkaio kafkaio
COPY telemetry telemetry
COPY newswatch newswatch
COPY samples samples
RUN pip install --no-cache-dir .
ENTRYPOINT ["newswatch"]
