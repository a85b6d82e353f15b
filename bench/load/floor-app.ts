// The framework floor for the read target: a bare Nest + Express app (no middleware, no guard, no
// database) answering one GET with a constant body the size of a schedule. What it serves per second
// under the same autocannon load is the most any Lumbung read could reach on this machine, the way
// pgbench is the reference for the writes.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const body = JSON.parse(process.env.FLOOR_BODY ?? '{}') as unknown;

@Controller()
class FloorController {
  @Get('floor')
  floor(): unknown {
    return body;
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

const app = await NestFactory.create(FloorModule, { logger: false, bodyParser: false });
await app.listen(Number.parseInt(process.env.PORT ?? '0', 10), '127.0.0.1');
