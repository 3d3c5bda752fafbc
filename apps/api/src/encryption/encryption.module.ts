import { Module } from '@nestjs/common';
import { EncryptionController } from './encryption.controller';

/** The HTTP side of Secret encryption at rest (the store itself seals and opens, see store-runtime). */
@Module({ controllers: [EncryptionController] })
export class EncryptionModule {}
