import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SECTION_PREFIX } from '../shared/navigation.ts';
import { RegistryAppComponent } from './registry-app.component.ts';

/** The general registry as the "/registry" section of the representation MFE. */
@Component({
  selector: 'rp-registry-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RegistryAppComponent],
  providers: [{ provide: SECTION_PREFIX, useValue: '/registry' }],
  template: '<rp-registry-app />',
})
export class RegistrySectionComponent {}
