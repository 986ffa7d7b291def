package dev.conclave.scanner.compress;

import java.util.ArrayList;
import java.util.List;

/**
 * Three small projects written the way real ones are: a README with badges and several sections,
 * manifests, entry points and source with licence headers and doc comments, configuration with
 * explanatory comments, and a file of repetitive data (seed rows, lookup tables, fixtures).
 */
final class FixtureProjects {

    record Fixture(String name, List<CandidateFile> files, List<String> readmeHeadings, List<String> manifestFacts) {
    }

    static List<Fixture> all() {
        return List.of(pythonService(), typescriptApp(), javaService());
    }

    private static String readme(String title, String body) {
        return """
                # %s

                [![CI](https://github.com/example/%s/actions/workflows/ci.yml/badge.svg)](https://github.com/example/%s/actions)
                [![Coverage](https://img.shields.io/codecov/c/github/example/%s)](https://codecov.io/gh/example/%s)
                [![Licence](https://img.shields.io/badge/licence-MIT-blue.svg)](LICENSE)

                <!-- TODO: add the architecture diagram once the new ingestion path lands -->

                %s
                """.formatted(title, title, title, title, title, body);
    }

    private static Fixture pythonService() {
        List<CandidateFile> files = new ArrayList<>();
        files.add(new CandidateFile("README.md", readme("inventory-service", """
                A small HTTP service that keeps stock levels for the warehouse and answers availability queries.

                ## Getting started

                ```bash
                python -m venv .venv
                . .venv/bin/activate
                pip install -r requirements.txt
                uvicorn app.main:app --reload
                ```

                ## Configuration

                Settings come from `config/settings.yaml` and can be overridden with environment variables
                prefixed `INVENTORY_`. The database URL must point at PostgreSQL 14 or later.

                ## API

                | method | path | what |
                |---|---|---|
                | GET | /items/{sku} | one item with its stock |
                | POST | /items | create an item |
                | POST | /reservations | reserve stock for an order |

                ## Testing

                Run `pytest -q`. The tests use an in-memory SQLite database.
                """), ContextPart.README));
        files.add(new CandidateFile("pyproject.toml", """
                # Project metadata for the inventory service.
                # Build with `python -m build`.
                [project]
                name = "inventory-service"
                version = "1.4.2"
                requires-python = ">=3.11"
                dependencies = [
                    "fastapi>=0.110",
                    "sqlalchemy>=2.0",
                    "pydantic>=2.6",
                    "uvicorn[standard]>=0.29",
                ]

                # Linting and formatting
                [tool.ruff]
                line-length = 100
                """, ContextPart.MANIFEST));
        files.add(new CandidateFile("requirements.txt", """
                # Pinned for reproducible deployments; regenerate with pip-compile.
                fastapi==0.110.0
                sqlalchemy==2.0.29
                pydantic==2.6.4
                uvicorn[standard]==0.29.0
                psycopg[binary]==3.1.18
                """, ContextPart.MANIFEST));
        files.add(new CandidateFile("app/main.py", """
                # Copyright (c) 2024 Example Ltd.
                #
                # Permission is hereby granted, free of charge, to any person obtaining a copy of this
                # software and associated documentation files, to deal in the software without restriction.
                # THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.

                \"""HTTP entry point of the inventory service.\"""

                from fastapi import FastAPI, HTTPException

                from app.models import Item, Reservation
                from app.store import Store

                # The application object; uvicorn imports it by name.
                app = FastAPI(title="inventory-service")
                store = Store()  # one store per process


                # ---------------------------------------------------------------------------
                # Items
                # ---------------------------------------------------------------------------

                @app.get("/items/{sku}")
                def get_item(sku: str) -> Item:
                    \"""Return one item with its current stock.\"""
                    # Look the item up; a missing SKU is the client's mistake, hence 404.
                    item = store.find(sku)
                    if item is None:
                        # Nothing found under this SKU.
                        raise HTTPException(status_code=404, detail=f"no item {sku}")
                    return item  # FastAPI serialises the model


                @app.post("/items", status_code=201)
                def create_item(item: Item) -> Item:
                    # Creating an existing SKU is a conflict rather than an update,
                    # so that two clients cannot silently overwrite each other.
                    if store.find(item.sku) is not None:
                        raise HTTPException(status_code=409, detail=f"item {item.sku} exists")
                    return store.add(item)


                @app.post("/reservations", status_code=201)
                def reserve(reservation: Reservation) -> Reservation:
                    # Reserving more than is in stock fails as a whole; partial
                    # reservations were tried in 1.2 and confused the order service.
                    return store.reserve(reservation)
                """, ContextPart.ENTRY_POINT));
        files.add(new CandidateFile("config/settings.yaml", """
                # Service settings. Every key can be overridden with an environment variable:
                # INVENTORY_<SECTION>_<KEY>, e.g. INVENTORY_DATABASE_POOL_SIZE=20.

                database:
                  # PostgreSQL 14 or later; SQLite works for tests only.
                  url: postgresql://inventory@db:5432/inventory
                  # Connections kept open per worker process.
                  pool_size: 10

                server:
                  # Behind the load balancer we only listen on the private interface.
                  host: 0.0.0.0
                  port: 8000
                """, ContextPart.CONFIGURATION));
        StringBuilder seed = new StringBuilder("""
                # Seed data for local development and the demo environment.
                # Generated from the 2023 catalogue export; do not edit by hand.

                SEED_ITEMS = [
                """);
        String[] kinds = {"bolt", "nut", "washer", "screw", "rivet", "anchor", "bracket", "hinge"};
        for (int i = 0; i < 120; i++) {
            seed.append("    {\"sku\": \"SKU-%05d\", \"name\": \"%s M%d\", \"stock\": %d, \"price\": %d.%02d},\n"
                    .formatted(10000 + i * 7, kinds[i % kinds.length], 3 + i % 9, (i * 37) % 500, 1 + i % 20, (i * 13) % 100));
        }
        seed.append("]\n");
        files.add(new CandidateFile("app/seed.py", seed.toString(), ContextPart.SOURCE));
        files.add(new CandidateFile("app/models.py", """
                \"""Request and response models.\"""

                from pydantic import BaseModel, Field


                class Item(BaseModel):
                    # The stock-keeping unit is the business key; it never changes.
                    sku: str = Field(pattern=r"^SKU-\\d{5}$")
                    name: str
                    # Units on hand, never negative.
                    stock: int = Field(ge=0)
                    price: float


                class Reservation(BaseModel):
                    # An order reserves one SKU at a time.
                    order_id: str
                    sku: str
                    quantity: int = Field(gt=0)
                """, ContextPart.SOURCE));
        return new Fixture("Python service", files,
                List.of("# inventory-service", "## Getting started", "## Configuration", "## API", "## Testing"),
                List.of("fastapi>=0.110", "psycopg[binary]==3.1.18", "requires-python = \">=3.11\""));
    }

    private static Fixture typescriptApp() {
        List<CandidateFile> files = new ArrayList<>();
        files.add(new CandidateFile("README.md", readme("trip-planner", """
                A web app that plans multi-stop trips and shares them with friends.

                ## Features

                - Drag-and-drop stops on a map
                - Live travel-time estimates
                - Shareable read-only links

                ## Development

                ```sh
                npm ci
                npm run dev
                ```

                ## Deployment

                The app builds to static files (`npm run build`) served by any CDN; the API lives in a
                separate repository.

                ## Licence

                MIT
                """), ContextPart.README));
        files.add(new CandidateFile("package.json", """
                {
                  "name": "trip-planner",
                  "version": "2.3.0",
                  "private": true,
                  "type": "module",
                  "scripts": {
                    "dev": "vite",
                    "build": "tsc -b && vite build",
                    "test": "vitest run",
                    "lint": "eslint ."
                  },
                  "dependencies": {
                    "react": "^18.3.1",
                    "react-dom": "^18.3.1",
                    "leaflet": "^1.9.4",
                    "zustand": "^4.5.2"
                  },
                  "devDependencies": {
                    "typescript": "^5.4.5",
                    "vite": "^5.2.11",
                    "vitest": "^1.6.0",
                    "eslint": "^9.2.0"
                  }
                }
                """, ContextPart.MANIFEST));
        files.add(new CandidateFile("src/main.ts", """
                /**
                 * @license MIT
                 * Copyright (c) 2024 Example Ltd.
                 *
                 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software
                 * and associated documentation files (the "Software"), to deal in the Software without restriction.
                 */

                import { createRoot } from "react-dom/client";
                import { App } from "./App";
                import { loadSettings } from "./settings";

                /**
                 * Boots the application.
                 *
                 * Reads the settings injected by the host page, mounts the React tree into `#root` and
                 * registers the service worker so that shared trips open offline.
                 *
                 * @returns nothing; failures are reported to the console and shown to the user.
                 */
                export async function main(): Promise<void> {
                  // Settings come from a <script> tag the CDN injects; see index.html.
                  const settings = loadSettings();
                  const root = document.getElementById("root");
                  if (!root) {
                    // Without a root element there is nothing to render into.
                    throw new Error("index.html has no #root element");
                  }
                  createRoot(root).render(App({ settings }));
                  // Service worker registration is best effort.
                  if ("serviceWorker" in navigator) {
                    await navigator.serviceWorker.register("/sw.js"); // cached shell
                  }
                }

                main().catch((error) => console.error(error)); // surface start-up failures
                """, ContextPart.ENTRY_POINT));
        files.add(new CandidateFile("src/settings.ts", """
                /** Settings the host page passes to the app. */
                export interface Settings {
                  /** Base URL of the trips API, without a trailing slash. */
                  apiUrl: string;
                  /** Map tiles; the default is OpenStreetMap's public server. */
                  tileUrl: string;
                  /** Whether sharing links may be created (off on kiosks). */
                  sharing: boolean;
                }

                /**
                 * Reads the settings from `window.__TRIP_SETTINGS__`.
                 *
                 * Falls back to development defaults so that `npm run dev` works without a host page.
                 */
                export function loadSettings(): Settings {
                  const injected = (window as unknown as { __TRIP_SETTINGS__?: Partial<Settings> }).__TRIP_SETTINGS__;
                  return {
                    apiUrl: injected?.apiUrl ?? "http://localhost:8080",
                    tileUrl: injected?.tileUrl ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                    sharing: injected?.sharing ?? true,
                  };
                }
                """, ContextPart.CONFIGURATION));
        StringBuilder cities = new StringBuilder("""
                // Cities offered as starting points. Generated from the GeoNames export; do not edit by hand.
                export const CITIES = [
                """);
        String[] names = {"Amsterdam", "Berlin", "Copenhagen", "Dublin", "Edinburgh", "Florence", "Geneva", "Helsinki",
            "Istanbul", "Krakow", "Lisbon", "Madrid", "Naples", "Oslo", "Prague", "Riga", "Seville", "Tallinn"};
        for (int i = 0; i < 90; i++) {
            cities.append("  { id: %d, name: \"%s\", lat: %d.%04d, lon: %d.%04d, population: %d },\n".formatted(
                    i + 1, names[i % names.length] + (i >= names.length ? " " + (i / names.length) : ""),
                    38 + i % 22, (i * 7919) % 10000, -9 + i % 30, (i * 104729) % 10000, 100000 + i * 12345));
        }
        cities.append("];\n");
        files.add(new CandidateFile("src/data/cities.ts", cities.toString(), ContextPart.SOURCE));
        files.add(new CandidateFile("src/App.tsx", """
                import { useTrips } from "./store";

                // The whole app is one screen: the map with the trip's stops, and the list beside it.
                export function App({ settings }: { settings: { sharing: boolean } }) {
                  const trips = useTrips();
                  // Sharing is hidden rather than disabled on kiosks, to keep the screen simple.
                  return (
                    <main>
                      <TripList trips={trips.all} />
                      {settings.sharing && <ShareButton trip={trips.current} />}
                    </main>
                  );
                }
                """, ContextPart.SOURCE));
        return new Fixture("TypeScript app", files,
                List.of("# trip-planner", "## Features", "## Development", "## Deployment", "## Licence"),
                List.of("\"react\": \"^18.3.1\"", "\"build\": \"tsc -b && vite build\"", "\"vitest\": \"^1.6.0\""));
    }

    private static Fixture javaService() {
        String licence = """
                /*
                 * Copyright 2024 Example Ltd.
                 *
                 * Licensed under the Apache License, Version 2.0 (the "License");
                 * you may not use this file except in compliance with the License.
                 * You may obtain a copy of the License at
                 *
                 *      https://www.apache.org/licenses/LICENSE-2.0
                 *
                 * Unless required by applicable law or agreed to in writing, software
                 * distributed under the License is distributed on an "AS IS" BASIS,
                 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
                 * See the License for the specific language governing permissions and
                 * limitations under the License.
                 */
                """;
        List<CandidateFile> files = new ArrayList<>();
        files.add(new CandidateFile("README.md", readme("payments-gateway", """
                Accepts card payments from the shop and settles them with the acquirer once a day.

                Building
                --------

                ```sh
                ./mvnw verify
                ```

                ## Running

                `java -jar target/payments-gateway.jar` with `SPRING_PROFILES_ACTIVE=local`.

                ## Operations

                Metrics are exposed on `/actuator/prometheus`; the settlement job logs one line per batch.
                """), ContextPart.README));
        files.add(new CandidateFile("pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!--
                  Copyright 2024 Example Ltd.
                  Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file
                  except in compliance with the License. You may obtain a copy of the License at
                  https://www.apache.org/licenses/LICENSE-2.0
                -->
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <parent>
                        <groupId>org.springframework.boot</groupId>
                        <artifactId>spring-boot-starter-parent</artifactId>
                        <version>3.2.5</version>
                    </parent>
                    <groupId>com.example</groupId>
                    <artifactId>payments-gateway</artifactId>
                    <version>0.9.0</version>
                    <properties>
                        <!-- LTS release; the acquirer's SDK is not tested on newer ones yet. -->
                        <java.version>21</java.version>
                    </properties>
                    <dependencies>
                        <dependency>
                            <groupId>org.springframework.boot</groupId>
                            <artifactId>spring-boot-starter-web</artifactId>
                        </dependency>
                        <dependency>
                            <groupId>org.springframework.boot</groupId>
                            <artifactId>spring-boot-starter-actuator</artifactId>
                        </dependency>
                        <dependency>
                            <groupId>org.postgresql</groupId>
                            <artifactId>postgresql</artifactId>
                            <scope>runtime</scope>
                        </dependency>
                    </dependencies>
                </project>
                """, ContextPart.MANIFEST));
        files.add(new CandidateFile("src/main/java/com/example/payments/PaymentsApplication.java", licence + """
                package com.example.payments;

                import org.springframework.boot.SpringApplication;
                import org.springframework.boot.autoconfigure.SpringBootApplication;
                import org.springframework.scheduling.annotation.EnableScheduling;

                /**
                 * Entry point of the payments gateway.
                 *
                 * <p>Scheduling is enabled for the nightly settlement job, see {@link SettlementJob}.
                 *
                 * @author Payments Team
                 * @since 0.1.0
                 */
                @SpringBootApplication
                @EnableScheduling
                public class PaymentsApplication {

                    /**
                     * Starts the application.
                     *
                     * @param args command-line arguments, passed on to Spring
                     */
                    public static void main(String[] args) {
                        SpringApplication.run(PaymentsApplication.class, args);
                    }
                }
                """, ContextPart.ENTRY_POINT));
        files.add(new CandidateFile("src/main/java/com/example/payments/SettlementJob.java", licence + """
                package com.example.payments;

                import java.time.LocalDate;
                import org.springframework.scheduling.annotation.Scheduled;
                import org.springframework.stereotype.Component;

                /**
                 * Settles the previous day's captured payments with the acquirer.
                 *
                 * <p>The acquirer accepts one settlement file per merchant and day; sending a second one
                 * for the same day is rejected, which is why the job records what it sent before it sends.
                 *
                 * @author Payments Team
                 * @since 0.3.0
                 */
                @Component
                public class SettlementJob {

                    /** Where captured payments are read from. */
                    private final PaymentRepository payments;

                    /** The acquirer's settlement endpoint. */
                    private final AcquirerClient acquirer;

                    /**
                     * Creates the job.
                     *
                     * @param payments where captured payments are read from
                     * @param acquirer the acquirer's settlement endpoint
                     */
                    public SettlementJob(PaymentRepository payments, AcquirerClient acquirer) {
                        this.payments = payments;
                        this.acquirer = acquirer;
                    }

                    /**
                     * Runs at 02:00, after the acquirer's cut-off at 01:00.
                     *
                     * <p>Does nothing when yesterday was already settled, so a restart cannot settle twice.
                     */
                    @Scheduled(cron = "0 0 2 * * *")
                    public void settleYesterday() {
                        LocalDate day = LocalDate.now().minusDays(1);
                        // Idempotence: the batch row is the record of what was sent.
                        if (payments.isSettled(day)) {
                            return;
                        }
                        var batch = payments.capturedOn(day); // captured, not yet settled
                        payments.markSettled(day, batch);
                        acquirer.settle(batch);
                    }
                }
                """, ContextPart.SOURCE));
        StringBuilder codes = new StringBuilder(licence + """
                package com.example.payments;

                /**
                 * ISO 4217 currencies the acquirer settles, with their minor units.
                 *
                 * <p>Generated from the acquirer's currency table; do not edit by hand.
                 */
                public enum Currency {
                """);
        String[] iso = {"AED", "AUD", "BGN", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "ILS",
            "INR", "ISK", "JPY", "KRW", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SAR", "SEK", "SGD", "THB",
            "TRY", "TWD", "USD", "ZAR"};
        for (int i = 0; i < iso.length; i++) {
            codes.append("    /** %s, numeric code %d. */\n".formatted(iso[i], 36 + i * 17));
            codes.append("    %s(%d, %d),\n".formatted(iso[i], 36 + i * 17, iso[i].equals("JPY") || iso[i].equals("KRW") ? 0 : 2));
        }
        codes.append("""
                    ;

                    /** The ISO 4217 numeric code. */
                    private final int numericCode;

                    /** Digits after the decimal point. */
                    private final int minorUnits;

                    Currency(int numericCode, int minorUnits) {
                        this.numericCode = numericCode;
                        this.minorUnits = minorUnits;
                    }
                }
                """);
        files.add(new CandidateFile("src/main/java/com/example/payments/Currency.java", codes.toString(), ContextPart.SOURCE));
        files.add(new CandidateFile("src/main/resources/application.properties", """
                # ----------------------------------------------------------------------
                # Server
                # ----------------------------------------------------------------------
                # The shop calls us through the internal load balancer only.
                server.port=8443
                server.ssl.enabled=true

                # ----------------------------------------------------------------------
                # Database
                # ----------------------------------------------------------------------
                # PostgreSQL; the schema is managed by Flyway, never by Hibernate.
                spring.datasource.url=jdbc:postgresql://db:5432/payments
                spring.jpa.hibernate.ddl-auto=validate

                # ----------------------------------------------------------------------
                # Actuator
                # ----------------------------------------------------------------------
                management.endpoints.web.exposure.include=health,prometheus
                """, ContextPart.CONFIGURATION));
        return new Fixture("Java service", files,
                List.of("# payments-gateway", "Building\n--------", "## Running", "## Operations"),
                List.of("<artifactId>spring-boot-starter-actuator</artifactId>", "<java.version>21</java.version>"));
    }

    private FixtureProjects() {
    }
}
