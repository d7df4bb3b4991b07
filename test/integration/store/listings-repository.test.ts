import { forEachBackend } from "../../support/store-backends.js";
import { listingsRepositoryContract } from "./listings-repository.contract.js";

forEachBackend("ListingsRepository", listingsRepositoryContract);
