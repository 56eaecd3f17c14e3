import { Module } from '@nestjs/common';
import { AuthService, IdentifyGuard, SignedInGuard } from './auth';
import { config } from './config';
import {
  BookingsController, CatalogueService, MeController, ProjectsController, ServicesController,
} from './controllers';
import { REPO, Repo } from './repo';

// Only the chosen data layer is loaded: the pg peer never requires Prisma.
function makeRepo(): Repo {
  if (config.orm === 'pg') {
    const { PgRepo } = require('./repo-pg');
    return new PgRepo();
  }
  const { PrismaRepo } = require('./repo-prisma');
  return new PrismaRepo();
}

@Module({
  controllers: [ServicesController, MeController, ProjectsController, BookingsController],
  providers: [
    { provide: REPO, useFactory: makeRepo },
    AuthService,
    CatalogueService,
    SignedInGuard,
    IdentifyGuard,
  ],
})
export class AppModule {}
